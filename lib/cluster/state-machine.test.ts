import { describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { actionRefusal, assertActionAllowed, CLUSTER_STATUSES, type ClusterAction } from "./state-machine";

const ACTIONS: ClusterAction[] = ["scale", "hibernate", "reactivate", "update", "delete"];
const EXPECTED_ALLOWED: Record<string, ClusterAction[]> = {
  spawning: [],
  active: ["scale", "hibernate", "update", "delete"],
  scaling: [],
  hibernated: ["reactivate", "update", "delete"],
  error: ["update", "delete"],
  deleting: [],
};

describe("the cluster state machine", () => {
  for (const status of CLUSTER_STATUSES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED_ALLOWED[status]!.includes(action);
      it(`${allowed ? "allows" : "refuses"} ${action} when ${status}`, () => {
        // The UI asks actionRefusal; the API throws its words. Both read the one table.
        expect(actionRefusal(status, action) === null).toBe(allowed);
        if (allowed) expect(() => assertActionAllowed(status, action)).not.toThrow();
        else {
          expect(() => assertActionAllowed(status, action)).toThrow(actionRefusal(status, action)!);
          expect(() => assertActionAllowed(status, action)).toThrow(ConflictError);
          expect(() => assertActionAllowed(status, action)).toThrow(new RegExp(`cannot ${action} a cluster that is ${status}`));
        }
      });
    }
  }
});
