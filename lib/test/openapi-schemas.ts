// The OpenAPI document's schemas as validators, for the tests that hold real answers and examples
// to it: Ajv (JSON Schema 2020-12, OpenAPI 3.1's dialect) holds the whole document, so a schema
// anywhere in it is found by its path, with its $refs to the named components resolved.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const DOCUMENT_ID = "https://cluster-console.local/openapi.json";
const pointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

/** `schemaAt("paths", "/api/me", "get", "responses", "200", "content", "application/json", "schema")`. */
export function documentSchemas(document: object): (...path: string[]) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // A JSON round trip: the validators see the document exactly as the server sends it.
  ajv.addSchema({ ...JSON.parse(JSON.stringify(document)), $id: DOCUMENT_ID });
  return (...path) => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/${path.map(pointer).join("/")}`);
    if (!validate) throw new Error(`the document has no schema at ${path.join(" > ")}`);
    return validate;
  };
}
