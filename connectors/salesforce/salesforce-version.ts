/** The REST API version every request names; pinned so that a jsforce upgrade changes nothing. */
export const DEFAULT_SALESFORCE_API_VERSION = '62.0';
