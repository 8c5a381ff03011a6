// A yes/no query parameter (`?include_yaml=true`), the same spelling on every route.
import { z } from "zod";

export const booleanQuery = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((value) => value === "true" || value === "1");
