/** The tool's version, kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';

/** Where rule documentation lives; a rule's page is `${DOCS_BASE_URL}/<id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/mamori-dev/mamori/blob/main/docs/rules';
