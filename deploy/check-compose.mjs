// Validates a Compose file against the Compose Specification's JSON schema (see check-compose.sh).
import fs from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const [schemaPath, composePath] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
delete schema.$schema;
// The schema names its parts with the old "id" keyword, which Ajv 8 refuses; they are labels only.
const dropIds = (node) => {
    if (node && typeof node === "object") {
        if (typeof node.id === "string") delete node.id;
        Object.values(node).forEach(dropIds);
    }
};
dropIds(schema);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/); // Compose durations are Go's: 10s, 1m30s
for (const format of ["expose", "ports", "subnet_ip_address"]) ajv.addFormat(format, true);

const validate = ajv.compile(schema);
const compose = parse(fs.readFileSync(composePath, "utf8"), { merge: true });
if (!validate(compose)) {
    console.error(JSON.stringify(validate.errors, null, 2));
    process.exit(1);
}
console.log(`compose-spec schema: ${composePath} is valid`);
