// The built-in rules, in catalogue order. Each is an ordinary plugin rule: `{ meta, check }`.

import type { Rule } from '../src/api.js';
import emotionApology from './emotion-apology.js';
import lateApology from './late-apology.js';
import missingApology from './missing-apology.js';
import missingCause from './missing-cause.js';
import missingNextUpdate from './missing-next-update.js';
import passiveVoice from './passive-voice.js';
import unclosedIncident from './unclosed-incident.js';
import unfulfilledPromise from './unfulfilled-promise.js';
import updateGap from './update-gap.js';
import vaguePromise from './vague-promise.js';

export const builtinRules = [passiveVoice, emotionApology, missingApology, lateApology, missingCause, vaguePromise, unfulfilledPromise, missingNextUpdate, updateGap, unclosedIncident] as unknown as Rule<object>[];
