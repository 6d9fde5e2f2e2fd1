/** Where the Web API Tool starts: the private portal's project list, the first page most people open. */
import { modelPath } from 'brainstem-api-description';

/** The page the landing page and the API reference link to. */
export const API_TOOL_START = modelPath('project', { portal: 'private' });
