// The model registry: one row per documented BrainSTEM endpoint (49).
// Seeded by scripts/gen-registry.mjs from ../shared/spec/models.json; maintained here and held to the docs by
// test/registry.docs.test.ts. Routing, types, server tables and validation, and CLI choices all derive from it.
// Deliberate differences from the docs are listed in docs/api-decisions.md.
import type { ModelSpec } from './types.js';

export const MODELS = [
 {
  "name": "breeding",
  "app": "stem",
  "listKey": "breedings",
  "detailKey": "breeding",
  "family": "project",
  "parent": "project",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "doc": "string [required] [max length: 100]" },
   { "name": "project", "type": "relation", "required": true, "target": "project", "doc": "related project ID formatted as a string [required]" },
   { "name": "mother", "type": "relation", "required": true, "target": "subject", "doc": "related maternal subject ID formatted as a string [required]" },
   { "name": "father", "type": "relation", "required": true, "target": "subject", "doc": "related paternal subject ID formatted as a string [required]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "tags", "type": "list_of_strings", "doc": "list of strings" },
   { "name": "birth_date", "type": "date", "doc": "date (YYYY-MM-DD)" },
   { "name": "start_date", "type": "date", "doc": "date (YYYY-MM-DD)" },
   { "name": "end_date", "type": "date", "doc": "date (YYYY-MM-DD)" },
   { "name": "weaning_date", "type": "date", "doc": "date (YYYY-MM-DD)" },
   { "name": "litter_size", "type": "integer", "doc": "positive integer" },
   { "name": "expected_genotype", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" }
  ]
 },
 {
  "name": "cohort",
  "app": "stem",
  "listKey": "cohorts",
  "detailKey": "cohort",
  "family": "project",
  "parent": "project",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": ["subjects"],
   "filters": {
    "name": "name.icontains",
    "tags": "tags"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "doc": "string [required] [max length: 100]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "project", "type": "relation", "required": true, "target": "project", "doc": "related project ID formatted as a string [required]" },
   { "name": "subjects", "type": "relation_list", "target": "subject", "doc": "list of related subjects IDs formatted as strings" },
   { "name": "tags", "type": "list_of_strings", "doc": "list of strings" }
  ]
 },
 {
  "name": "collection",
  "app": "stem",
  "listKey": "collections",
  "detailKey": "collection",
  "family": "project",
  "parent": "project",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": ["sessions"],
   "filters": {
    "name": "name.icontains",
    "tags": "tags"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "doc": "string [required] [max length: 100]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "project", "type": "relation", "required": true, "target": "project", "doc": "related project ID formatted as a string [required]" },
   { "name": "sessions", "type": "relation_list", "target": "session", "doc": "list of related sessions IDs formatted as strings" },
   { "name": "tags", "type": "list_of_strings", "doc": "list of strings" }
  ]
 },
 {
  "name": "project",
  "app": "stem",
  "listKey": "projects",
  "detailKey": "project",
  "family": "project",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": ["sessions", "subjects", "collections", "cohorts"],
   "filters": {
    "name": "name.icontains",
    "sessions": "sessions.id",
    "subjects": "subjects.id",
    "tags": "tags"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 200, "unique": true, "doc": "string [required] [max length: 200; must be unique]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "sessions", "type": "relation_list", "readOnly": true, "target": "session", "doc": "list of related session IDs formatted as strings [read-only]", "via": "projects" },
   { "name": "subjects", "type": "relation_list", "readOnly": true, "target": "subject", "doc": "list of related subject IDs formatted as strings [read-only]", "via": "projects" },
   { "name": "publications", "type": "relation_list", "target": "publication", "doc": "list of related publication IDs formatted as strings" },
   { "name": "collections", "type": "relation_list", "readOnly": true, "target": "collection", "doc": "list of related collection IDs formatted as strings [read-only]", "via": "project" },
   { "name": "cohorts", "type": "relation_list", "readOnly": true, "target": "cohort", "doc": "list of related cohort IDs formatted as strings [read-only]", "via": "project" },
   { "name": "extra_fields", "type": "json", "keyPattern": true, "doc": "JSON object of additional key/value metadata. *See structure below*" },
   { "name": "is_public", "type": "boolean", "doc": "boolean" },
   { "name": "tags", "type": "list_of_strings", "doc": "list of strings" },
   { "name": "links", "type": "json", "readOnly": true, "computed": true, "doc": "object containing related endpoint suffixes [read-only]" },
   { "name": "users", "type": "json", "subfields": [ { "name": "can_change", "type": "boolean" },
     { "name": "is_manager", "type": "boolean" },
     { "name": "is_owner", "type": "boolean" },
     { "name": "remove", "type": "boolean", "notes": "write-only, change requests" }
    ],
    "computed": "grants",
    "doc": "JSON object keyed by user email. *See structure below*"
   },
   { "name": "groups", "type": "json", "subfields": [ { "name": "can_change", "type": "boolean" },
     { "name": "is_manager", "type": "boolean" },
     { "name": "is_owner", "type": "boolean" },
     { "name": "remove", "type": "boolean", "notes": "write-only, change requests" }
    ],
    "computed": "grants",
    "doc": "JSON object keyed by group name. *See structure below*"
   }
  ]
 },
 {
  "name": "projectgroupmembershipinvitation",
  "app": "stem",
  "listKey": "project_group_membership_invitations",
  "detailKey": "project_group_membership_invitation",
  "family": "invitation",
  "parent": "project",
  "aliases": ["project_group_membership_invitation"],
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "cancel",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "invitation": {
   "inviteeField": "invitee",
   "targetField": "project"
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "invitee", "type": "relation", "target": "group", "doc": "invited group ID formatted as an integer" },
   { "name": "project", "type": "relation", "target": "project", "doc": "related project ID formatted as a string" },
   { "name": "can_change", "type": "boolean", "doc": "boolean" },
   { "name": "manage_project", "type": "boolean", "doc": "boolean" },
   { "name": "own_project", "type": "boolean", "doc": "boolean" }
  ]
 },
 {
  "name": "projectmembershipinvitation",
  "app": "stem",
  "listKey": "project_membership_invitations",
  "detailKey": "project_membership_invitation",
  "family": "invitation",
  "parent": "project",
  "aliases": ["project_membership_invitation"],
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "cancel",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "invitation": {
   "inviteeField": "invitee",
   "targetField": "project"
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "invitee", "type": "relation", "target": "user", "doc": "invited user ID formatted as an integer" },
   { "name": "project", "type": "relation", "target": "project", "doc": "related project ID formatted as a string" },
   { "name": "can_change", "type": "boolean", "doc": "boolean" },
   { "name": "manage_project", "type": "boolean", "doc": "boolean" },
   { "name": "own_project", "type": "boolean", "doc": "boolean" }
  ]
 },
 {
  "name": "session",
  "app": "stem",
  "listKey": "sessions",
  "detailKey": "session",
  "family": "project",
  "parent": "projects",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": ["dataacquisition", "behaviors", "manipulations", "epochs"],
   "filters": {
    "name": "name.icontains",
    "projects": "projects.id",
    "datastorage": "datastorage.id",
    "tags": "tags"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "string [required] [max length: 100; must be unique]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "projects", "type": "relation_list", "required": true, "target": "project", "doc": "list of related project IDs formatted as strings [required; at least one]" },
   { "name": "date_time", "type": "datetime", "doc": "ISO 8601 date-time string (e.g. \"2023-03-22T15:30:00Z\")" },
   { "name": "epochs", "type": "relation_list", "readOnly": true, "target": "epoch", "computed": true, "doc": "list of related epoch IDs formatted as strings [read-only]" },
   { "name": "datastorage", "type": "relation_list", "target": "datastorage", "requiresChange": true, "through": { "model": "sessiondatastorage", "sourceField": "session", "targetField": "datastorage", "orderField": "order" },
    "doc": "list of related data storage IDs formatted as strings *(create/update accepts a list; use the Session → Data Storage endpoint to manage ordering)*"
   },
   { "name": "extra_fields", "type": "json", "keyPattern": true, "doc": "JSON object of additional key/value metadata. *See structure below*" },
   { "name": "download_links", "type": "json", "jsonList": true, "subfields": [ { "name": "repository", "type": "enum", "enum_values": [ "CRCNS", "DANDI", "Figshare", "GitHub", "Globus", "Mendeley", "Zenodo", "Webshare", "Other" ] },
     { "name": "url", "type": "string", "notes": "must include http://, https://, or ftp:// scheme" }
    ],
    "doc": "list of JSON objects with repository and url keys. *See structure below*"
   },
   { "name": "dataacquisition", "type": "relation_list", "readOnly": true, "target": "dataacquisition", "doc": "list of related data acquisition IDs formatted as strings [read-only]", "via": "session" },
   { "name": "behaviors", "type": "relation_list", "readOnly": true, "target": "behavior", "doc": "list of related behaviors IDs formatted as strings [read-only]", "via": "session" },
   { "name": "manipulations", "type": "relation_list", "readOnly": true, "target": "manipulation", "doc": "list of related manipulations IDs formatted as strings [read-only]", "via": "session" },
   { "name": "name_used_in_storage", "type": "string", "readOnly": true, "maxLength": 200, "doc": "string [read-only] [max length: 200]" },
   { "name": "tags", "type": "list_of_strings", "doc": "list of strings" },
   { "name": "links", "type": "json", "readOnly": true, "computed": true, "doc": "object containing related endpoint suffixes [read-only]" }
  ]
 },
 {
  "name": "sessiondatastorage",
  "app": "stem",
  "listKey": "session_datastorages",
  "detailKey": "session_datastorage",
  "family": "project",
  "parent": "session",
  "portals": {
   "list": ["private"],
   "detail": ["private"],
   "add": ["private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "uniqueTogether": [
   ["session", "datastorage"]
  ],
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "session", "type": "relation", "required": true, "target": "session", "doc": "related session ID" },
   { "name": "datastorage", "type": "relation", "required": true, "target": "datastorage", "requiresChange": true, "doc": "related data storage ID" },
   { "name": "order", "type": "integer", "doc": "position of the data storage in the session's list (0 first)" }
  ]
 },
 {
  "name": "subject",
  "app": "stem",
  "listKey": "subjects",
  "detailKey": "subject",
  "family": "project",
  "parent": "projects",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": ["procedures", "subjectlogs"],
   "filters": {
    "name": "name.icontains",
    "projects": "projects.id",
    "strain": "strain.id",
    "sex": "sex",
    "tags": "tags"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "requiredOnCreateOnly": true, "doc": "string [required for POST; optional for PATCH] [max length: 100; must be unique]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "projects", "type": "relation_list", "required": true, "target": "project", "doc": "list of related project IDs formatted as strings [required; at least one]" },
   { "name": "licenses", "type": "relation_list", "target": "license", "doc": "list of related license IDs formatted as strings" },
   { "name": "strain", "type": "relation", "required": true, "target": "strain", "doc": "strain ID formatted as a string [required]" },
   { "name": "sex", "type": "enum", "required": true, "maxLength": 1, "enum": [ "F", "M", "U" ], "requiredOnCreateOnly": true, "doc": "string with \"F\", \"M\", or \"U\" [required for POST; optional for PATCH] [max length: 1]" },
   { "name": "genetic_line", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "genotype", "type": "string", "maxLength": 200, "doc": "string [max length: 200]" },
   { "name": "subject_identifier", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "supplier", "type": "relation", "target": "supplier", "doc": "supplier ID formatted as a string" },
   { "name": "breeding", "type": "relation", "target": "breeding", "doc": "breeding ID formatted as a string" },
   { "name": "birth_date", "type": "date", "doc": "string containing date (e.g. \"2023-03-22\")" },
   { "name": "death_date", "type": "date", "doc": "string containing date (e.g. \"2023-03-22\")" },
   { "name": "status", "type": "enum", "enum": [ "planned", "active", "inactive", "transferred", "deceased", "unknown" ], "doc": "subject lifecycle status string (e.g. \"active\")" },
   { "name": "extra_fields", "type": "json", "keyPattern": true, "doc": "JSON object of additional key/value metadata. *See structure below*" },
   { "name": "procedures", "type": "relation_list", "readOnly": true, "target": "procedure", "doc": "list of related procedures IDs formatted as strings [read-only]", "via": "subject" },
   { "name": "subjectlogs", "type": "relation_list", "readOnly": true, "target": "subjectlog", "doc": "list of related subject log IDs formatted as strings [read-only]", "via": "subject" },
   { "name": "name_used_in_storage", "type": "string", "maxLength": 200, "doc": "string [max length: 200]" },
   { "name": "tags", "type": "list_of_strings", "doc": "list of strings" },
   { "name": "links", "type": "json", "readOnly": true, "computed": true, "doc": "object containing related endpoint suffixes [read-only]" }
  ]
 },
 {
  "name": "behavior",
  "app": "modules",
  "listKey": "behaviors",
  "detailKey": "behavior",
  "family": "project",
  "parent": "session",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "session": "session.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "session", "type": "relation", "required": true, "target": "session", "doc": "related session ID formatted as a string [required]" },
   { "name": "subjects", "type": "relation_list", "required": true, "target": "subject", "doc": "list of related subjects IDs formatted as strings [required]" },
   { "name": "setup", "type": "relation", "required": true, "target": "setup", "doc": "related experimental setup ID formatted as a string [required]" },
   { "name": "behavioralassay", "type": "relation", "required": true, "target": "behavioralassay", "doc": "related behavioral assay ID formatted as a string [required]" },
   { "name": "notes", "type": "string", "maxLength": 500, "doc": "optional string (max 500 characters) for additional information" },
   { "name": "order", "type": "integer", "doc": "optional positive integer controlling display order within a session" }
  ]
 },
 {
  "name": "consumablestock",
  "app": "modules",
  "listKey": "consumable stocks",
  "detailKey": "consumable stock",
  "family": "personal",
  "parent": "inventory",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "inventory": "inventory.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "ChemicalReagent", "ConsumableDevice", "ImmunoReagent", "ImplantMaterial", "OpticFiber", "OpticalComponent", "PharmacologicalAgent", "PhysiologicalSolution", "SiliconProbe", "SingleWireElectrode", "SurgicalDisposable", "TracerDye", "VirusSolution" ], "doc": "string [required]. *See options below*" },
   { "name": "status", "type": "enum", "enum": [ "AVAILABLE", "RESERVED", "DEPLETED" ], "doc": "string stock status (e.g. AVAILABLE, RESERVED, DEPLETED)" },
   { "name": "notes", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "inventory", "type": "relation", "required": true, "target": "inventory", "doc": "related inventory ID formatted as a string [required]" },
   { "name": "acquisition_date", "type": "date", "doc": "string containing date (e.g. \"2023-03-22\")" },
   { "name": "expiration_date", "type": "date", "doc": "string containing date (e.g. \"2023-03-22\")" },
   { "name": "storage_location", "type": "string", "maxLength": 100, "doc": "string describing where the consumable is stored [max length: 100]" },
   { "name": "storage_conditions", "type": "string", "maxLength": 100, "doc": "string describing the consumable storage conditions [max length: 100]" },
   { "name": "intended_use", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "cost", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "consumable", "type": "relation", "target": "consumable", "doc": "related consumable ID formatted as a string" },
   { "name": "details", "type": "json", "doc": "JSON object mapped to the internal type_json field. *See accepted schemas below*" },
   { "name": "type_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for details" }
  ]
 },
 {
  "name": "dataacquisition",
  "app": "modules",
  "listKey": "data_acquisitions",
  "detailKey": "data_acquisition",
  "family": "project",
  "parent": "session",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "session": "session.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "Audio", "BehavioralTracking", "ComputedTomography", "ConfocalMicroscopy", "Electroencephalography", "Electroneurogram", "ExtracellularEphys", "FiberPhotometry", "FunctionalMagneticResonanceImaging", "FunctionalUltrasoundImaging", "GeneralTimeSeries", "IntracellularEphys", "LightFieldMicroscopy", "MagneticResonanceImaging", "Magnetoencephalography", "Miniscope", "OpticalCoherenceTomography", "PositronEmissionTomography", "SinglePhotonEmissionComputedTomography", "SinglePhotonMicroscopy", "ThreePhotonMicroscopy", "TwoPhotonMicroscopy", "VideoTracking" ], "doc": "string [required]. *See options below*" },
   { "name": "notes", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "session", "type": "relation", "required": true, "target": "session", "doc": "related session ID formatted as a string [required]" },
   { "name": "procedures", "type": "relation_list", "target": "procedure", "doc": "list of related procedure IDs formatted as strings" },
   { "name": "equipment", "type": "relation_list", "target": "equipment", "doc": "list of related equipment IDs formatted as strings" },
   { "name": "details", "type": "json", "doc": "JSON object mapped to the internal type_json field. *See accepted schemas below*" },
   { "name": "type_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for details" },
   { "name": "image", "type": "string", "readOnly": true, "doc": "URL string pointing to an uploaded image (read-only)" },
   { "name": "order", "type": "integer", "doc": "optional positive integer controlling display order within a session" }
  ]
 },
 {
  "name": "equipment",
  "app": "modules",
  "listKey": "equipment",
  "detailKey": "equipment",
  "family": "personal",
  "parent": "setup",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains",
    "setup": "setup.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "descriptive name for the equipment" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "Amplifier", "AnesthesiaSystem", "AntiVibrationTable", "BehaviorRig", "BiosafetyCabinet", "Camera", "Computer", "DataAcquisitionSystem", "DrugDeliverySystem", "ElectroencephalographySystem", "ElectromyographyMachine", "ElectronicComponent", "EphysRig", "FiberPhotometrySystem", "FloatingAirPlatform", "ForcePlate", "FumeHood", "GlassMicropipettePuller", "HumidityController", "HumiditySensor", "InjectionSystem", "IontophoresisStimulator", "Laser", "LedDriver", "LightEmitter", "LightSensor", "MagneticResonanceImagingSystem", "MagnetoencephalographySystem", "Magnetometer", "Microcontroller", "Micromanipulator", "Microphone", "Microscope", "Miniscope", "Monitor", "MotionTrackingSystem", "NoiseIsolationChamber", "OnePhotonMicroscope", "OphysRig", "OpticalCoherenceTomography", "Oscilloscope", "PerfusionSystem", "Photodetector", "PressureSensor", "RunningWheel", "SignalProcessingUnit", "SingleBoardComputer", "SinglePhotonEmissionComputedTomography", "Speaker", "StereotaxicFrame", "StimulationDevice", "SurgicalPowerTool", "TemperatureSensor", "ThermalController", "ThreePhotonMicroscopy", "Treadmill", "TwoPhotonMicroscope", "UltrasoundImagingSystem" ], "doc": "string [required]. *See options below*" },
   { "name": "notes", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "setup", "type": "relation", "required": true, "target": "setup", "doc": "related experimental setup ID formatted as a string [required]" },
   { "name": "date_time", "type": "datetime", "doc": "string containing date and time (ISO 8601)" },
   { "name": "consumable", "type": "relation", "target": "consumable", "doc": "related consumable ID formatted as a string" },
   { "name": "hardwaredevice", "type": "relation", "target": "hardwaredevice", "doc": "related hardware device ID formatted as a string" },
   { "name": "details", "type": "json", "doc": "JSON object mapped to the internal type_json field. *See accepted schemas below*" },
   { "name": "type_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for details" },
   { "name": "coordinates_system", "type": "enum", "required": true, "enum": [ "CCF_XYZ_Absolute", "External_XYZ_Absolute", "Stereotaxic_BregmaAbsolute", "Stereotaxic_BregmaBrainSurface", "Stereotaxic_LambdaAbsolute", "Stereotaxic_LambdaBrainSurface" ], "doc": "string [required]. *See options below*" },
   { "name": "coordinates_details", "type": "json", "doc": "JSON object mapped to the internal coordinates_json field. *See accepted schemas below*" },
   { "name": "coordinates_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for coordinates_details" }
  ]
 },
 {
  "name": "manipulation",
  "app": "modules",
  "listKey": "manipulations",
  "detailKey": "manipulation",
  "family": "project",
  "parent": "session",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "session": "session.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "AuditoryStimulation", "DeepBrainStimulation", "ElectricalStimulation", "ElectromagneticFieldStimulation", "LiquidPerturbation", "Microperfusion", "MultisensoryStimulation", "OdorStimulation", "OptogeneticStimulation", "PharmacologicalInhalation", "PharmacologicalInjection", "PharmacologicalSuperfusion", "TactileStimulation", "ThermalPerturbation", "TranscranialElectricalStimulation", "TranscranialMagneticStimulation", "UltrasoundStimulation", "VisualStimulation" ], "doc": "string [required]. *See options below*" },
   { "name": "notes", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "procedures", "type": "relation_list", "required": true, "target": "procedure", "doc": "list of related procedure IDs formatted as strings [required]" },
   { "name": "session", "type": "relation", "required": true, "target": "session", "doc": "related session ID formatted as a string [required]" },
   { "name": "equipment", "type": "relation_list", "target": "equipment", "doc": "list of related equipment IDs formatted as strings" },
   { "name": "details", "type": "json", "doc": "JSON data (object or array) whose structure depends on the selected manipulation type" },
   { "name": "type_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for details" },
   { "name": "order", "type": "integer", "doc": "optional positive integer controlling display order within a session" }
  ]
 },
 {
  "name": "procedure",
  "app": "modules",
  "listKey": "procedures",
  "detailKey": "procedure",
  "family": "project",
  "parent": "subject",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "subject": "subject.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "Anesthesia", "AuditoryStimulation", "BarbiturateInjection", "BehavioralTracking", "BloodPressureSensorImplant", "BrainExtraction", "BrainLesion", "BrainSlice", "BreathingSensorImplant", "BurrHole", "CatheterImplant", "CervicalDislocation", "Co2ChamberEuthanasia", "CranialWindow", "Craniectomy", "Craniotomy", "Cryosectioning", "Decapitation", "EcgImplant", "EegImplant", "EmgImplant", "GenericImplant", "GrinLensImplant", "HeadFixation", "Headcap", "Headpost", "InhalantOverdose", "Injection", "NerveCuffImplant", "OdorStimulation", "OpticFiberImplant", "PerfusionFixation", "PrismImplant", "ReferenceElectrodeImplant", "SiliconProbeImplant", "SingleWireElectrodeImplant", "TactileStimulation", "TemperatureSensorImplant", "TetrodeWireElectrodeImplant", "TissueClearing", "VibratomeSectioning", "VirusInjection", "VisualStimulation" ], "doc": "string [required]. *See options below*" },
   { "name": "notes", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "subject", "type": "relation", "required": true, "target": "subject", "doc": "related subject ID formatted as a string [required]" },
   { "name": "date_time", "type": "datetime", "doc": "string containing date and time (ISO 8601)" },
   { "name": "consumablestock", "type": "relation", "target": "consumablestock", "doc": "related consumable stock ID formatted as a string" },
   { "name": "equipment", "type": "relation_list", "target": "equipment", "doc": "list of related equipment IDs formatted as strings" },
   { "name": "brain_region", "type": "relation", "target": "brainregion", "doc": "related brain region ID formatted as a string" },
   { "name": "licenses", "type": "relation_list", "target": "license", "doc": "list of related license IDs formatted as strings" },
   { "name": "details", "type": "json", "doc": "JSON object mapped to the internal type_json field. *See accepted schemas below*" },
   { "name": "type_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for details" },
   { "name": "coordinates_system", "type": "enum", "required": true, "enum": [ "CCF_XYZ_Absolute", "External_XYZ_Absolute", "Stereotaxic_BregmaAbsolute", "Stereotaxic_BregmaBrainSurface", "Stereotaxic_LambdaAbsolute", "Stereotaxic_LambdaBrainSurface" ], "doc": "string [required]. *See options below*" },
   { "name": "coordinates_details", "type": "json", "doc": "JSON object mapped to the internal coordinates_json field. *See accepted schemas below*" },
   { "name": "coordinates_schema_version", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string schema version for coordinates_details" },
   { "name": "created_at", "type": "datetime", "readOnly": true, "computed": true, "doc": "string containing creation date and time (ISO 8601, read-only)" },
   { "name": "updated_at", "type": "datetime", "readOnly": true, "computed": true, "doc": "string containing last update date and time (ISO 8601, read-only)" }
  ]
 },
 {
  "name": "procedurelog",
  "app": "modules",
  "listKey": "procedure_logs",
  "detailKey": "procedure_log",
  "family": "project",
  "parent": "procedure",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "actions": [
   {
    "name": "add_entry",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "change_entry",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "remove_entry",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "loader": {
   "includes": [],
   "filters": {
    "procedure": "procedure.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "Impedances", "LinearDisplacement", "Tetrodes4", "Tetrodes8" ], "writeOnce": true, "doc": "string [required]. *See options below*" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "procedure", "type": "relation", "required": true, "target": "procedure", "doc": "related procedure ID formatted as a string [required]" },
   { "name": "entries", "type": "json", "readOnly": true, "jsonList": true, "subfields": [ { "name": "date_time", "type": "datetime", "required": true, "notes": "e.g. \"2023-05-05T06:20:00Z\"" },
     { "name": "notes", "type": "string", "notes": "datamodel: max 500 characters" },
     { "name": "details", "type": "json", "notes": "validated against the schema of the log type" }
    ],
    "doc": "list of log entries [read-only]. *See entries format below*"
   }
  ]
 },
 {
  "name": "subjectlog",
  "app": "modules",
  "listKey": "subject_logs",
  "detailKey": "subject_log",
  "family": "project",
  "parent": "subject",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "actions": [
   {
    "name": "add_entry",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "change_entry",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "remove_entry",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "loader": {
   "includes": [],
   "filters": {
    "subject": "subject.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "type", "type": "enum", "required": true, "enum": [ "FoodConsumption", "FoodDeprivation", "GenericObservation", "Genotyping", "Habituation", "Handling", "HargreavesTest", "Housing", "TrainingSession", "VonFreyTest", "WaterConsumption", "WaterDeprivation", "Weighing", "Wellness" ], "intervalTypes": [ "Housing", "FoodDeprivation", "WaterDeprivation", "Habituation", "Handling", "TrainingSession" ], "writeOnce": true, "doc": "string [required]. *See options below*" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "subject", "type": "relation", "required": true, "target": "subject", "doc": "related subject ID formatted as a string [required]" },
   { "name": "user", "type": "relation", "readOnly": true, "target": "user", "doc": "ID of the user who created the log [read-only]" },
   { "name": "entries", "type": "json", "readOnly": true, "jsonList": true, "subfields": [ { "name": "date_time", "type": "datetime", "required": true, "notes": "e.g. \"2023-05-05T06:20:00Z\"" },
     { "name": "notes", "type": "string", "notes": "datamodel: max 500 characters" },
     { "name": "details", "type": "json", "notes": "validated against the schema of the log type" },
     { "name": "start_date_time", "type": "datetime", "required": true, "notes": "interval types only (ISO 8601)" },
     { "name": "end_date_time", "type": "datetime", "required": true, "notes": "interval types only (ISO 8601)" }
    ],
    "doc": "list of log entries [read-only]. *See entries format below*"
   }
  ]
 },
 {
  "name": "behavioralassay",
  "app": "personal_attributes",
  "listKey": "behavioralassays",
  "detailKey": "behavioralassay",
  "family": "personal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 50, "doc": "string [required] [max length: 50]" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "setup_type", "type": "relation", "required": true, "target": "setuptype", "doc": "related environment type ID formatted as a string [required]" },
   { "name": "behavioral_paradigm", "type": "relation", "required": true, "target": "behavioralparadigm", "doc": "related behavioral paradigm ID formatted as a string [required]" },
   { "name": "licenses", "type": "relation_list", "target": "license", "doc": "list of related license IDs" },
   { "name": "is_public", "type": "boolean", "doc": "boolean" }
  ]
 },
 {
  "name": "datastorage",
  "app": "personal_attributes",
  "listKey": "datastorages",
  "detailKey": "datastorage",
  "family": "personal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "doc": "string [required] [max length: 100]" },
   { "name": "location", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string describing the location of the data storage" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "is_public", "type": "boolean", "doc": "boolean" },
   { "name": "data_organization", "type": "json", "jsonList": true, "subfields": [ { "name": "elements", "type": "string" }
    ],
    "doc": "JSON dictionary describing data organization"
   },
   { "name": "data_protocols", "type": "json", "jsonList": true, "subfields": [ { "name": "protocol", "type": "string" },
     { "name": "path", "type": "string" },
     { "name": "is_public", "type": "boolean" }
    ],
    "doc": "JSON dictionary describing data access protocols"
   }
  ]
 },
 {
  "name": "inventory",
  "app": "personal_attributes",
  "listKey": "inventories",
  "detailKey": "inventory",
  "family": "personal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 50, "doc": "string [required] [max length: 50]" },
   { "name": "location", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string describing the location of the inventory" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "is_public", "type": "boolean", "doc": "boolean" }
  ]
 },
 {
  "name": "license",
  "app": "personal_attributes",
  "listKey": "licenses",
  "detailKey": "license",
  "family": "personal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "doc": "string [required] [max length: 255]" },
   { "name": "type", "type": "enum", "required": true, "maxLength": 64, "enum": [ "animal_research_authorization", "human_research_authorization", "biosafety_gmo_authorization", "wildlife_fieldwork_permit", "controlled_substance_license", "chemical_use_authorization", "import_export_permit" ], "doc": "string [required] [max length: 64]. Choices: animal_research_authorization, human_research_authorization, biosafety_gmo_authorization, wildlife_fieldwork_permit, controlled_substance_license, chemical_use_authorization, import_export_permit" },
   { "name": "status", "type": "enum", "required": true, "maxLength": 16, "enum": [ "draft", "pending", "active", "suspended", "expired", "revoked" ], "doc": "string [required] [max length: 16; default: draft]. Choices: draft, pending, active, suspended, expired, revoked" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "rich text string" },
   { "name": "country", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "ISO 3166-1 alpha-2 country code string" },
   { "name": "regulatory_authority", "type": "relation", "target": "regulatoryauthority", "doc": "UUID of a related [regulatory authority]({{\"api/taxonomies/regulatoryauthority/\"|absolute_url}})" },
   { "name": "license_number", "type": "string", "maxLength": 128, "doc": "string [max length: 128]" },
   { "name": "license_document", "type": "other", "maxLength": 255, "maxLengthDefault": true, "doc": "file upload (PDF recommended)" },
   { "name": "valid_from", "type": "date", "doc": "date string (YYYY-MM-DD)" },
   { "name": "valid_until", "type": "date", "doc": "date string (YYYY-MM-DD); must be on or after valid_from when both dates are provided" },
   { "name": "license_holders", "type": "relation_list", "target": "user", "doc": "list of user UUIDs" },
   { "name": "behavioralassays", "type": "relation_list", "target": "behavioralassay", "doc": "list of related behavioral assay UUIDs" },
   { "name": "subjects", "type": "relation_list", "target": "subject", "doc": "list of related subject UUIDs" },
   { "name": "procedures", "type": "relation_list", "target": "procedure", "doc": "list of related procedure UUIDs" },
   { "name": "is_public", "type": "boolean", "doc": "boolean" }
  ]
 },
 {
  "name": "setup",
  "app": "personal_attributes",
  "listKey": "setups",
  "detailKey": "setup",
  "family": "personal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 50, "doc": "string [required] [max length: 50]" },
   { "name": "location", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string describing the location of the setup" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "setup_type", "type": "relation", "required": true, "target": "setuptype", "doc": "related environment type ID formatted as a string [required]" },
   { "name": "specifications", "type": "json", "doc": "JSON array describing setup specifications" },
   { "name": "is_public", "type": "boolean", "doc": "boolean" },
   { "name": "image", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "image URL or null" }
  ]
 },
 {
  "name": "consumable",
  "app": "resources",
  "listKey": "consumables",
  "detailKey": "consumable",
  "family": "resource",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "consumableapproval",
   "key": "consumable_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "string [required] [max length: 100; must be unique]" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "supplier", "type": "relation", "required": true, "target": "supplier", "doc": "related supplier ID formatted as a string [required]" },
   { "name": "type", "type": "enum", "required": true, "maxLength": 255, "maxLengthDefault": true, "doc": "string [required]. *See options below*" },
   { "name": "details", "type": "json", "doc": "JSON object. *See accepted schemas below*" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "Research Resource Identifier (RRID)" },
   { "name": "rrid_url", "type": "string", "readOnly": true, "computed": true, "doc": "URL to RRID lookup page [read-only]" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "JSON object containing external identifier information" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "consumableapproval",
  "app": "resources",
  "listKey": "consumable_approvals",
  "detailKey": "consumable_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "consumable",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "" },
   { "name": "supplier", "type": "relation", "required": true, "target": "supplier", "doc": "" },
   { "name": "type", "type": "enum", "required": true, "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "details", "type": "json", "doc": "" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "consumable", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "hardwaredevice",
  "app": "resources",
  "listKey": "hardwaredevices",
  "detailKey": "hardwaredevice",
  "family": "resource",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "hardwaredeviceapproval",
   "key": "hardwaredevice_approval"
  },
  "adminDelete": true,
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "string [required] [max length: 100; must be unique]" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "supplier", "type": "relation", "required": true, "target": "supplier", "doc": "related supplier ID formatted as a string [required]" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "Research Resource Identifier (RRID)" },
   { "name": "rrid_url", "type": "string", "readOnly": true, "computed": true, "doc": "URL to RRID lookup page [read-only]" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "JSON object containing external identifier information" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "hardwaredeviceapproval",
  "app": "resources",
  "listKey": "hardwaredevice_approvals",
  "detailKey": "hardwaredevice_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "hardwaredevice",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "" },
   { "name": "supplier", "type": "relation", "required": true, "target": "supplier", "doc": "" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "hardwaredevice", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "supplier",
  "app": "resources",
  "listKey": "suppliers",
  "detailKey": "supplier",
  "family": "resource",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "supplierapproval",
   "key": "supplier_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "string [required] [max length: 100; must be unique]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "string [max length: 200]" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "supplierapproval",
  "app": "resources",
  "listKey": "supplier_approvals",
  "detailKey": "supplier_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "supplier",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "supplier", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "behavioralcategory",
  "app": "taxonomies",
  "listKey": "behavioral_categories",
  "detailKey": "behavioral_category",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "behavioralcategoryapproval",
   "key": "behavioral_category_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "maxLengthDefault": true, "unique": true, "doc": "string [required] [must be unique]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "parent", "type": "relation", "target": "behavioralcategory", "doc": "related behavioral category ID" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "behavioralcategoryapproval",
  "app": "taxonomies",
  "listKey": "behavioral_category_approvals",
  "detailKey": "behavioral_category_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "behavioralcategory",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "maxLengthDefault": true, "unique": true, "doc": "" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "" },
   { "name": "parent", "type": "relation", "target": "behavioralcategory", "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "behavioralcategory", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "behavioralparadigm",
  "app": "taxonomies",
  "listKey": "behavioral_paradigms",
  "detailKey": "behavioral_paradigm",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "behavioralparadigmapproval",
   "key": "behavioral_paradigm_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "maxLengthDefault": true, "unique": true, "doc": "string [required] [must be unique]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "category", "type": "relation", "target": "behavioralcategory", "doc": "related behavioral category ID" },
   { "name": "species", "type": "relation_list", "target": "species", "doc": "related species ID(s)" },
   { "name": "original_publication", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string" },
   { "name": "reference_url", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "URL string" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "Research Resource Identifier (RRID)" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "JSON object containing external identifier information" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "behavioralparadigmapproval",
  "app": "taxonomies",
  "listKey": "behavioral_paradigm_approvals",
  "detailKey": "behavioral_paradigm_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "behavioralparadigm",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "maxLengthDefault": true, "unique": true, "doc": "" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "" },
   { "name": "category", "type": "relation", "target": "behavioralcategory", "doc": "" },
   { "name": "species", "type": "relation_list", "target": "species", "doc": "" },
   { "name": "original_publication", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "reference_url", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "behavioralparadigm", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "brainregion",
  "app": "taxonomies",
  "listKey": "brain_regions",
  "detailKey": "brain_region",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "adminDelete": true,
  "adminWrite": true,
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 200, "doc": "string [required] [max length: 200]" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "string [max length: 2000]" },
   { "name": "acronym", "type": "string", "required": true, "maxLength": 15, "doc": "string [required] [max length: 15]" },
   { "name": "atlas", "type": "enum", "required": true, "maxLength": 7, "enum": [ "AIA", "AIA_dM", "AIA_HB", "AIA_dHB", "AIA_P", "AIA_S", "BM4", "PF2001", "PW1997", "S2004" ], "doc": "string [required]. *See options below* [max length: 7]" }
  ]
 },
 {
  "name": "regulatoryauthority",
  "app": "taxonomies",
  "listKey": "regulatoryauthorities",
  "detailKey": "regulatoryauthority",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "regulatoryauthorityapproval",
   "key": "regulatoryauthority_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "unique": true, "doc": "string [required] [max length: 255; must be unique]" },
   { "name": "abbreviation", "type": "string", "maxLength": 32, "doc": "string [max length: 32]" },
   { "name": "country", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "ISO 3166-1 alpha-2 country code string" },
   { "name": "authority_type", "type": "enum", "maxLength": 64, "enum": [ "national", "institutional", "regional", "international" ], "doc": "string [max length: 64]. Choices: national, institutional, regional, international" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "URL string [max length: 200]" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "string" },
   { "name": "is_active", "type": "boolean", "doc": "boolean [default: True]; indicates whether the authority is currently operational" }
  ]
 },
 {
  "name": "regulatoryauthorityapproval",
  "app": "taxonomies",
  "listKey": "regulatoryauthority_approvals",
  "detailKey": "regulatoryauthority_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "regulatoryauthority",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 255, "unique": true, "doc": "" },
   { "name": "abbreviation", "type": "string", "maxLength": 32, "doc": "" },
   { "name": "country", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "authority_type", "type": "enum", "maxLength": 64, "enum": [ "national", "institutional", "regional", "international" ], "doc": "" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "" },
   { "name": "description", "type": "text", "maxLength": 10000, "maxLengthDefault": true, "doc": "" },
   { "name": "is_active", "type": "boolean", "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "regulatoryauthority", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "setuptype",
  "app": "taxonomies",
  "listKey": "setup_types",
  "detailKey": "setup_type",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "setuptypeapproval",
   "key": "setup_type_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 200, "doc": "string [required] [max length: 200]" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "string [max length: 2000]" },
   { "name": "category", "type": "enum", "required": true, "enum": [ "I", "E", "A", "H", "V", "F", "U" ], "requiredOnCreateOnly": true, "doc": "single-character code categorizing the setup type [required for POST; optional for PATCH]" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "setuptypeapproval",
  "app": "taxonomies",
  "listKey": "setup_type_approvals",
  "detailKey": "setup_type_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "setuptype",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 200, "doc": "" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "" },
   { "name": "category", "type": "enum", "required": true, "enum": [ "I", "E", "A", "H", "V", "F", "U" ], "requiredOnCreateOnly": true, "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "setuptype", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "species",
  "app": "taxonomies",
  "listKey": "species",
  "detailKey": "species",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "speciesapproval",
   "key": "species_approval"
  },
  "adminDelete": true,
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "string [required] [max length: 100; must be unique]" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "string [max length: 2000]" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "Research Resource Identifier (RRID)" },
   { "name": "rrid_url", "type": "string", "readOnly": true, "computed": true, "doc": "URL to RRID lookup page [read-only]" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "JSON object containing external identifier information" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "speciesapproval",
  "app": "taxonomies",
  "listKey": "species_approvals",
  "detailKey": "species_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "species",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "species", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "strain",
  "app": "taxonomies",
  "listKey": "strains",
  "detailKey": "strain",
  "family": "taxonomy",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "strainapproval",
   "key": "strain_approval"
  },
  "adminDelete": true,
  "loader": {
   "includes": [],
   "filters": {
    "name": "name.icontains",
    "species": "species.id"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "string [required] [max length: 100; must be unique]" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "string [max length: 2000]" },
   { "name": "species", "type": "relation", "required": true, "target": "species", "doc": "related species ID formatted as a string [required]" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "Research Resource Identifier (RRID)" },
   { "name": "rrid_url", "type": "string", "readOnly": true, "computed": true, "doc": "URL to RRID lookup page [read-only]" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "JSON object containing external identifier information" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "strainapproval",
  "app": "taxonomies",
  "listKey": "strain_approvals",
  "detailKey": "strain_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "strain",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 100, "unique": true, "doc": "" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "" },
   { "name": "species", "type": "relation", "required": true, "target": "species", "doc": "" },
   { "name": "rrid", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "external_identifiers", "type": "json", "jsonList": true, "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "strain", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "journal",
  "app": "dissemination",
  "listKey": "journals",
  "detailKey": "journal",
  "family": "journal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "approval": {
   "model": "journalapproval",
   "key": "journal_approval"
  },
  "adminDelete": true,
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "name", "type": "string", "required": true, "maxLength": 500, "doc": "string [required] [max length: 500]" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "string [max length: 2000]" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "string [max length: 200]" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "string, used when proposing approval changes" }
  ]
 },
 {
  "name": "journalapproval",
  "app": "dissemination",
  "listKey": "journal_approvals",
  "detailKey": "journal_approval",
  "family": "approval",
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "PATCH",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "approvalFor": "journal",
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "" },
   { "name": "name", "type": "string", "required": true, "maxLength": 500, "doc": "" },
   { "name": "description", "type": "string", "maxLength": 2000, "doc": "" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "" },
   { "name": "comments", "type": "string", "maxLength": 255, "maxLengthDefault": true, "doc": "" },
   { "name": "instance_id", "type": "relation", "readOnly": true, "target": "journal", "doc": "" },
   { "name": "action", "type": "enum", "readOnly": true, "enum": [ "Add", "Change" ], "doc": "" },
   { "name": "reviewer", "type": "relation", "readOnly": true, "target": "user", "doc": "" },
   { "name": "status", "type": "enum", "readOnly": true, "enum": [ "Pending", "Accepted", "Rejected" ], "doc": "" }
  ]
 },
 {
  "name": "publication",
  "app": "dissemination",
  "listKey": "publications",
  "detailKey": "publication",
  "family": "journal",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "name": "title.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "title", "type": "string", "required": true, "maxLength": 200, "doc": "string [required] [max length: 200]" },
   { "name": "authors", "type": "string", "required": true, "maxLength": 500, "doc": "string [required] [max length: 500]" },
   { "name": "journal", "type": "relation", "required": true, "target": "journal", "doc": "related journal ID formatted as a string [required]" },
   { "name": "abstract", "type": "text", "required": true, "maxLength": 10000, "maxLengthDefault": true, "doc": "string [required]" },
   { "name": "doi", "type": "string", "maxLength": 200, "doc": "string [max length: 200]" },
   { "name": "publication_url", "type": "string", "maxLength": 300, "doc": "string [max length: 300]" },
   { "name": "pdf_url", "type": "string", "maxLength": 300, "doc": "string [max length: 300]" },
   { "name": "publication_date", "type": "date", "required": true, "doc": "string containing date (e.g. \"2023-03-22\") [required]" }
  ]
 },
 {
  "name": "group",
  "app": "users",
  "listKey": "groups",
  "detailKey": "group",
  "family": "group",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "actions": [
   {
    "name": "join",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "leave",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "fields": [
   { "name": "id", "type": "integer", "readOnly": true, "doc": "integer group ID" },
   { "name": "name", "type": "string", "required": true, "maxLength": 150, "unique": true, "uniqueIgnoresCase": true, "doc": "string [required]" },
   { "name": "users", "type": "json", "subfields": [ { "name": "is_manager", "type": "boolean" },
     { "name": "is_owner", "type": "boolean" },
     { "name": "remove", "type": "boolean", "notes": "write-only, change requests" }
    ],
    "computed": "grants",
    "doc": "dictionary with one entry per member of the group. *See structure below.*"
   }
  ]
 },
 {
  "name": "groupmembershipinvitation",
  "app": "users",
  "listKey": "group_membership_invitations",
  "detailKey": "group_membership_invitation",
  "family": "invitation",
  "listMeta": "always",
  "parent": "authgroup",
  "aliases": ["group_membership_invitation"],
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "cancel",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "invitation": {
   "inviteeField": "user_account_invitation",
   "targetField": "authgroup"
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "user_account_invitation", "type": "relation", "target": "user", "doc": "invited user ID formatted as an integer" },
   { "name": "authgroup", "type": "relation", "target": "group", "doc": "related group ID formatted as an integer" },
   { "name": "new_manager", "type": "boolean", "doc": "boolean" },
   { "name": "new_owner", "type": "boolean", "doc": "boolean" }
  ]
 },
 {
  "name": "groupmembershiprequest",
  "app": "users",
  "listKey": "group_membership_requests",
  "detailKey": "group_membership_request",
  "family": "invitation",
  "listMeta": "always",
  "parent": "authgroup",
  "aliases": ["group_membership_request"],
  "portals": {
   "list": ["private"],
   "detail": ["private"]
  },
  "actions": [
   {
    "name": "accept",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "reject",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   },
   {
    "name": "cancel",
    "method": "GET",
    "changesState": true,
    "portals": ["private"]
   }
  ],
  "invitation": {
   "inviteeField": "user_account_request",
   "targetField": "authgroup",
   "request": true
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "user_account_request", "type": "relation", "target": "user", "doc": "requesting user ID formatted as an integer" },
   { "name": "authgroup", "type": "relation", "target": "group", "doc": "related group ID formatted as an integer" }
  ]
 },
 {
  "name": "laboratory",
  "app": "users",
  "listKey": "laboratories",
  "detailKey": "laboratory",
  "family": "group",
  "parent": "group",
  "portals": {
   "list": ["public", "private"],
   "add": ["private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "loader": {
   "includes": [],
   "filters": {
    "name": "institution.icontains"
   }
  },
  "fields": [
   { "name": "id", "type": "uuid", "readOnly": true, "doc": "UUID identificator formatted as a string" },
   { "name": "group", "type": "relation", "required": true, "target": "group", "doc": "related group ID formatted as an integer [required]" },
   { "name": "principal_investigators", "type": "relation_list", "required": true, "target": "user", "doc": "list of related principal investigator IDs formatted as integers [required]" },
   { "name": "description", "type": "string", "maxLength": 500, "doc": "string [max length: 500]" },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "string [max length: 200]" },
   { "name": "department", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "institution", "type": "string", "required": true, "maxLength": 100, "doc": "string [required] [max length: 100]" },
   { "name": "city", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "country", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" }
  ]
 },
 {
  "name": "user",
  "app": "users",
  "listKey": "users",
  "detailKey": "user",
  "family": "user",
  "portals": {
   "list": ["public", "private"],
   "detail": ["public", "private"],
   "change": ["private"],
   "delete": ["private"]
  },
  "notSupported": {
   "add": "Users can only be added through the website Register form."
  },
  "fields": [
   { "name": "id", "type": "integer", "readOnly": true, "doc": "integer user ID" },
   { "name": "email", "type": "string", "maxLength": 254, "unique": true, "uniqueIgnoresCase": true, "format": "email", "doc": "string [must be unique]" },
   { "name": "first_name", "type": "string", "maxLength": 150, "doc": "string" },
   { "name": "last_name", "type": "string", "maxLength": 150, "doc": "string" },
   { "name": "groups_own_json", "type": "json", "subfields": [ { "name": "id", "type": "integer" },
     { "name": "name", "type": "string" }
    ],
    "computed": true,
    "doc": "list of dictionaries with each group owned by the user. *See structure below*"
   },
   { "name": "website", "type": "string", "maxLength": 200, "format": "url", "doc": "string [max length: 200]" },
   { "name": "google_scholar", "type": "string", "maxLength": 200, "doc": "string [max length: 200]" },
   { "name": "orcid_id", "type": "string", "maxLength": 100, "doc": "string [max length: 100]" },
   { "name": "atlas_preference", "type": "string", "maxLength": 7, "doc": "string [max length: 7]" },
   { "name": "active_projects", "type": "relation_list", "target": "project", "computed": true, "doc": "list of related project IDs" }
  ]
 }
] as const satisfies readonly ModelSpec[];
