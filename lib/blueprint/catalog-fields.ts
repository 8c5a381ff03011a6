// What the catalogue shows of a blueprint (name, description, tags) comes from its YAML's metadata;
// the API's separate fields may repeat it, and are refused where they say something else.
import { InvalidInputError } from "@/lib/errors";
import type { Blueprint } from "./schema";

export interface CatalogFields {
  name: string;
  description: string | null;
  tags: string[];
}

export function catalogFieldsOf(metadata: Blueprint["metadata"]): CatalogFields {
  return { name: metadata.name, description: metadata.description ?? null, tags: metadata.tags ?? [] };
}

/** Refuses, naming each field, separate fields that disagree with the YAML's metadata. */
export function assertFieldsAgreeWithYaml(metadata: Blueprint["metadata"], fields: Partial<CatalogFields>): void {
  const fromYaml = catalogFieldsOf(metadata);
  const disagreements = (["name", "description", "tags"] as const)
    .filter((field) => fields[field] !== undefined && JSON.stringify(fields[field]) !== JSON.stringify(fromYaml[field]))
    .map((field) => ({
      path: field,
      message: `the YAML's metadata.${field} is ${JSON.stringify(fromYaml[field])}; change it in the YAML, which the catalogue shows`,
    }));
  if (disagreements.length > 0) throw new InvalidInputError("the request and the YAML's metadata disagree", disagreements);
}
