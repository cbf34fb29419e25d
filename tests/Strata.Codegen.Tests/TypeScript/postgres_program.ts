// A small Kysely program over the generated DB interface of Schemas/postgres_all_types.sql: it must type-check with
// tsc --strict, and the lines marked @ts-expect-error must not (tsc fails on an expect-error that has no error).
import { Kysely } from "kysely";
import type { AppState, DB, Mood } from "./db.js";

declare const db: Kysely<DB>;

export async function selectAndInsert(): Promise<void> {
  const rows = await db
    .selectFrom("all_types")
    .select(["id", "c_bigint", "c_numeric", "c_enum", "c_date", "c_timestamptz", "c_json", "c_nullable_int", "c_text_array", "c_point", "c_email"])
    .where("c_enum", "=", "happy")
    .execute();
  for (const row of rows) {
    const id: string = row.id;
    const big: string = row.c_bigint;
    const amount: string = row.c_numeric;
    const mood: Mood = row.c_enum;
    const day: Date = row.c_date;
    const at: Date = row.c_timestamptz;
    const maybe: number | null = row.c_nullable_int;
    const texts: string[] = row.c_text_array;
    const x: number = row.c_point.x;
    const email: string = row.c_email;
    console.log(id, big, amount, mood, day, at, row.c_json, maybe, texts, x, email);
  }

  const summary = await db.selectFrom("all_types_summary").select(["c_scaled"]).executeTakeFirst();
  const scaled: number | null | undefined = summary?.c_scaled;
  console.log(scaled);

  const state: AppState = "live";
  await db.insertInto("app.things").values({ all_types_id: 1n, label: "first", state }).execute();
  await db.insertInto("app.things").values({ id: 7, all_types_id: "2", label: "second" }).execute();

  // @ts-expect-error all_types_id and label have no default: an insert must give them.
  await db.insertInto("app.things").values({ state: "draft" }).execute();
  // @ts-expect-error id is GENERATED ALWAYS: it cannot be updated.
  await db.updateTable("all_types").set({ id: "2" }).execute();
  // @ts-expect-error "angry" is not a label of the enum mood.
  await db.updateTable("all_types").set({ c_enum: "angry" }).execute();
}
