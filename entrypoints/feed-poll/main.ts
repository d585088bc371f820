import { openLibraryDatabase } from '~/lib/db/database';
import { serveFeedPolls } from '~/lib/feeds/feed-poll-messages';

// Chrome's offscreen document for feed polls: the worker has no DOMParser, which reading entries' HTML needs.
serveFeedPolls(openLibraryDatabase());
