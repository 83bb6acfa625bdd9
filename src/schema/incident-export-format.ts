/**
 * The markers of the Firebreak incident JSON format, without the zod schema, so browser code
 * (the incident log's export) can stamp a file without shipping a validator.
 */

/** The value of `format` that marks a file as a Firebreak incident export. */
export const INCIDENT_EXPORT_FORMAT = 'firebreak-incident';

/** The version of the format this schema describes. */
export const INCIDENT_EXPORT_VERSION = 1;
