// Any address no other page claims lands here, inside the console layout, so the "not found"
// answer keeps the header and navigation (the root not-found would render without them).
import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page not found" };

export default function MissingPage(): never {
  notFound();
}
