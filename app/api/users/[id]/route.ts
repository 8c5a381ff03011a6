import { updateUserRequestSchema, userIdParamsSchema } from "@/lib/auth/api-schema";
import { updateUser } from "@/lib/auth/update-user";
import { methodsNotAllowed } from "@/lib/http/method-not-allowed";
import { apiRoute, json } from "@/lib/http/route";

// PATCH /api/users/{id} - change name, role or password, disable or enable
export const PATCH = apiRoute(
  { access: "admin", params: userIdParamsSchema, body: updateUserRequestSchema },
  async ({ params, body, audit }) => json(await updateUser(params.id, body, { audit })),
);

export const { GET, POST, PUT, DELETE } = methodsNotAllowed(["PATCH"]);
