// Work queued on a transaction runs after its commit (and sees it), never for a rollback, at once
// outside a transaction; the wrapped client still runs batches and hands back the callback's value.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { afterCommit } from "./after-commit";

const blueprintRow = (id: string) => ({ id, name: id, version: "1.0.0" });

describe("afterCommit", () => {
  it("runs the work once the transaction has committed, where a read outside it sees the change", async () => {
    const events: string[] = [];
    let read: Promise<string | null> | undefined;
    const result = await db.$transaction(async (tx) => {
      await tx.blueprint.create({ data: blueprintRow("after-commit-1") });
      afterCommit(tx, () => {
        events.push("work");
        read = db.blueprint.findUnique({ where: { id: "after-commit-1" } }).then((row) => row?.id ?? null);
      });
      await tx.blueprint.count();
      events.push("last statement");
      return "answer";
    });
    expect(result).toBe("answer");
    expect(events).toEqual(["last statement", "work"]);
    expect(await read).toBe("after-commit-1");
  });

  it("runs queued work in order, and none of it when the transaction rolls back", async () => {
    const ran: string[] = [];
    await db.$transaction(async (tx) => {
      afterCommit(tx, () => ran.push("first"));
      afterCommit(tx, () => ran.push("second"));
    });
    expect(ran).toEqual(["first", "second"]);

    await expect(
      db.$transaction(async (tx) => {
        await tx.blueprint.create({ data: blueprintRow("after-commit-rolled-back") });
        afterCommit(tx, () => ran.push("rolled back"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(ran).toEqual(["first", "second"]);
    expect(await db.blueprint.findUnique({ where: { id: "after-commit-rolled-back" } })).toBeNull();
  });

  it("runs at once on a client outside a transaction", () => {
    let ran = false;
    afterCommit(db, () => (ran = true));
    expect(ran).toBe(true);
  });

  it("keeps a committed transaction's answer when a piece of work throws, and runs the rest", async () => {
    const ran: string[] = [];
    const result = await db.$transaction(async (tx) => {
      afterCommit(tx, () => {
        throw new Error("the work failed");
      });
      afterCommit(tx, () => ran.push("after the failure"));
      return 7;
    });
    expect(result).toBe(7);
    expect(ran).toEqual(["after the failure"]);
  });

  it("leaves batches of statements working", async () => {
    const [created, count] = await db.$transaction([
      db.blueprint.create({ data: blueprintRow("after-commit-batch") }),
      db.blueprint.count({ where: { id: "after-commit-batch" } }),
    ]);
    expect(created.id).toBe("after-commit-batch");
    expect(count).toBe(1);
  });
});
