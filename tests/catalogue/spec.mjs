// @ts-check
// What ../shared/spec/catalogue.md states of the reference, and of which
// version: the one place the tests hold the generator to figures counted
// outside it. Every other test reads the catalogue the generator wrote
// (catalogue/events.json), so it holds at any version of the reference.
//
// After a bump (README, "Bumping the reference"), the pin in package.json is
// no longer the version catalogue.md describes, and the tests of these
// figures are skipped, saying so: the diff of catalogue/summary.md, which
// the generator writes in catalogue.md's terms, is then what a reviewer reads.
import { referenceVersions } from "../../scripts/catalogue.mjs";

/** The version of @seamapi/types whose figures catalogue.md states. */
export const SPEC_VERSION = "1.977.0";

/**
 * `{ skip }` for node:test: skipped, naming both versions, unless the pinned
 * reference is the one catalogue.md describes.
 */
export function atSpecVersion() {
  const pinned = referenceVersions().types;
  return pinned === SPEC_VERSION
    ? {}
    : { skip: `catalogue.md states the figures of @seamapi/types ${SPEC_VERSION}; ${pinned} is pinned: review the diff of catalogue/summary.md` };
}

/**
 * catalogue.md, "What the schemas use (1.977.0, all depths)", as
 * catalogue/summary.md labels its rows.
 */
export const FEATURES = {
  "event types": 109,
  families: 21,
  properties: 1437,
  "properties, top level": 1247,
  "properties, nested": 190,
  "distinct property names": 98,
  "objects with properties": 176,
  "objects with properties, array items": 60,
  "objects with a required field": 176, // catalogue.md: 176 `required` lists
  "string uuid": 470,
  "string uuid, array items": 15,
  "string date-time": 276,
  "string uri": 4,
  "plain string": 315,
  enum: 12,
  "enum, event_type": 109,
  array: 83,
  "array of objects": 60,
  "array of uuids": 15,
  "array of strings": 8,
  record: 126,
  "record of metadata (string or boolean)": 122,
  "record of anything": 4,
  nullable: 21,
  "nullable string": 12,
  "nullable uuid": 1,
  "nullable number": 8,
  number: 26,
  "number with bounds": 2,
  boolean: 9,
  "max depth": 4,
  "top-level fields, fewest": 7,
  "top-level fields, most": 22,
  "deprecated event types": 1,
  "undocumented event types": 1,
};

/** catalogue.md, "Families in 1.977.0": event types per family. */
export const FAMILIES = {
  access_code: 21, access_grant: 7, access_method: 8, acs_system: 3, acs_credential: 4, acs_user: 2,
  acs_encoder: 2, acs_access_group: 1, acs_entrance: 2, action_attempt: 8, client_session: 1,
  connected_account: 8, connect_webview: 2, device: 24, noise_sensor: 1, lock: 3, thermostat: 6,
  camera: 1, enrollment_automation: 1, phone: 1, space: 3,
};
