// The built-in rules, in catalogue order. Each is an ordinary plugin rule: `{ meta, check }`.

import type { Rule } from '../src/rule.js';
import agentlessFailure from './agentless-failure.js';
import blameShifting from './blame-shifting.js';
import denialFirst from './denial-first.js';
import emotionApology from './emotion-apology.js';
import falseCertainty from './false-certainty.js';
import hollowAffection from './hollow-affection.js';
import impersonalVoice from './impersonal-voice.js';
import jargon from './jargon.js';
import lateApology from './late-apology.js';
import missingApology from './missing-apology.js';
import missingCause from './missing-cause.js';
import minimizing from './minimizing.js';
import missingImpact from './missing-impact.js';
import hollowResolution from './hollow-resolution.js';
import missingNextUpdate from './missing-next-update.js';
import missingPrevention from './missing-prevention.js';
import missingRemedy from './missing-remedy.js';
import passiveVoice from './passive-voice.js';
import unclosedIncident from './unclosed-incident.js';
import unfulfilledPromise from './unfulfilled-promise.js';
import updateGap from './update-gap.js';
import vaguePromise from './vague-promise.js';

export const builtinRules = [passiveVoice, agentlessFailure, emotionApology, missingApology, lateApology, blameShifting, denialFirst, missingCause, missingImpact, hollowResolution, vaguePromise, unfulfilledPromise, falseCertainty, minimizing, missingNextUpdate, updateGap, unclosedIncident, missingRemedy, missingPrevention, hollowAffection, impersonalVoice, jargon] as unknown as Rule<object>[];
