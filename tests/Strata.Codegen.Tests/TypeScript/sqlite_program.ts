// A small Kysely program over the generated DB interface of Schemas/sqlite_types.sql (better-sqlite3's types).
import { Kysely } from "kysely";
import type { DB } from "./db.js";

declare const db: Kysely<DB>;

export async function selectAndInsert(): Promise<void> {
  const item = await db.selectFrom("items").select(["id", "name", "price", "active", "born", "data", "anything"]).executeTakeFirstOrThrow();
  const id: number = item.id;
  const name: string = item.name;
  const price: number = item.price;
  const active: number = item.active;
  const born: string | null = item.born;
  console.log(id, name, price, active, born, item.data, item.anything);

  await db.insertInto("items").values({ name: "n", code: "c", price: 1, big: 2 }).execute();
  await db.insertInto("tags").values({ item_id: 1, label: "x" }).execute();
  // @ts-expect-error doubled is a generated column: it cannot be written.
  await db.updateTable("items").set({ doubled: 3 }).execute();
  // @ts-expect-error name has no default: an insert must give it.
  await db.insertInto("items").values({ code: "c", price: 1, big: 2 }).execute();
}
