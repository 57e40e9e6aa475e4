// Writes a deterministic plan file of a given size to stdout, for measuring
// how Waypoint copes with large plans (the benchmark, bench/run.mjs, imports
// generatePlan from here).
//   node scripts/generate-plan.mjs small|large > plan.json
//   node scripts/generate-plan.mjs <long-term> <short-term each> <steps each> [check-ins] [sub-steps]
//
// Goals are the long-term and short-term goals; steps are everything below a
// short-term goal (steps, and sub-steps where a step was broken down once
// more). The named sizes are exact:
//   small: 10 goals (2 long-term, 8 short-term), 50 steps (40 + 10 sub-steps), no check-ins
//   large: 1,000 goals (100 long-term, 900 short-term), 5,000 steps (4,500 + 500 sub-steps), 100 check-ins
// Both carry a full vision: every answer, the weighed meanings of success, the
// statement, its horizon and the excitement score.
// Sub-steps are spread evenly over the steps, the first step always among them;
// without a count, each short-term goal's first step gets one.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RANK_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The rank the app gives the child added after `previous` (none for the first): see src/domain/rank.rs. */
function rankAfter(previous) {
  if (previous === undefined) return 'V';
  let out = '';
  for (const digit of previous) {
    const value = RANK_DIGITS.indexOf(digit);
    if (value + 1 < RANK_DIGITS.length) return out + RANK_DIGITS[value + 1];
    out += digit;
  }
  return out + 'V';
}

export const SIZES = {
  small: [2, 4, 5, 0, 10],
  large: [100, 9, 5, 100, 500],
};

/** The plan (an object) for these counts. */
export function generatePlan(longTerm, shortTermEach, stepsEach, checkIns = 0, subSteps = longTerm * shortTermEach) {
  const day = (offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const time = (offset) => `${day(offset)}T09:00:00Z`;
  const goals = [];
  // Each parent's last child's rank (the top level's under '').
  const lastRank = new Map();
  let counter = 0;
  const goal = (parent, title, depth) => {
    counter += 1;
    const done = depth >= 2 && counter % 3 === 0;
    const created = counter % 365;
    const rank = rankAfter(lastRank.get(parent ?? ''));
    lastRank.set(parent ?? '', rank);
    // As the app writes a goal, in outline order (each goal before the ones
    // under it, siblings by rank), the fields it has no value for left out.
    goals.push({
      id: `g-${counter.toString(36)}`,
      ...(parent && { parent }),
      rank,
      title,
      status: done ? 'done' : counter % 17 === 0 ? 'in_progress' : 'open',
      ...(counter % 5 === 0 && { target_date: day(400 + (counter % 300)) }),
      notes: counter % 4 === 0 ? `Notes for ${title}: what I know so far and who can help.` : '',
      created_at: time(created),
      ...(done && { completed_at: time(created + 3) }),
      updated_at: time(created + 3),
    });
    return goals[goals.length - 1].id;
  };

  const allSteps = longTerm * shortTermEach * stepsEach;
  let stepIndex = 0;
  for (let l = 1; l <= longTerm; l++) {
    const lt = goal(null, `Long-term goal ${l}`, 0);
    for (let s = 1; s <= shortTermEach; s++) {
      const st = goal(lt, `Short-term goal ${l}.${s}`, 1);
      for (let t = 1; t <= stepsEach; t++) {
        const step = goal(st, `Step ${l}.${s}.${t}`, 2);
        // Some steps turned out big and were broken down once more: step k of
        // all N gets a sub-step when ceil((k + 1) * S / N) moves past ceil(k * S / N).
        const k = stepIndex++;
        if (Math.ceil(((k + 1) * subSteps) / allSteps) > Math.ceil((k * subSteps) / allSteps)) {
          goal(step, `Sub-step ${l}.${s}.${t}.1`, 3);
        }
      }
    }
  }

  const plan = {
    format: 'waypoint-plan',
    schema_version: 2,
    vision: {
      want: 'To write stories that children ask for again and again.',
      willing_to_work_for: 'Early mornings, rejection letters, and learning to illustrate.',
      believe_can_be_real: 'A shelf of my own books in the local library within five years.',
      success: {
        money: { weight: 2, words: 'Enough to write full time.' },
        accomplishments: { weight: 4, words: 'Ten published books.' },
        mission: { weight: 5, words: 'Children who love reading.' },
        own_terms: { weight: 1, words: 'Mornings for writing, afternoons for the family.' },
      },
      statement: "Become a bestselling author of children's books",
      horizon_years: 5,
      excitement: 9,
      updated_at: time(30),
    },
    assets: [
      ['skill', 'Storytelling', 'Ten years of bedtime stories and a writing course.', 4, false],
      ['person', 'A children\'s librarian', 'Knows what children borrow twice.', 3, false],
      ['position_and_reputation', 'Primary school teacher', 'Trusted by parents in town.', null, false],
      ['savings_and_resources', 'Six months of savings', 'Enough to try writing full time once.', null, true],
    ].map(([kind, name, note, level, isPrivate], i) => ({
      id: `a-${i}`,
      kind,
      name,
      note,
      level,
      private: isPrivate,
      created_at: time(i),
      updated_at: time(i + 10),
    })),
    options: [
      ['study_role_model', 'Learn from an author who made it', 'chosen'],
      ['networking', 'Join the regional writers\' guild', 'considering'],
      ['back_to_school', 'A master\'s in illustration', 'set_aside'],
    ].map(([kind, title, status], i) => ({
      id: `o-${i}`,
      kind,
      title,
      notes: '',
      status,
      created_at: time(i),
      assets_used: i === 0 ? ['a-0', 'a-1'] : [],
      time_cost: i === 2 ? 'Two years' : '',
      money_cost: i === 2 ? 'Tuition' : '',
      upside: '',
      risks: '',
      role_model:
        kind === 'study_role_model'
          ? { who: 'A local bestselling author', their_path: 'Teacher first, books at night.', what_to_learn: 'How she found an agent.', how_to_reach: 'Her book signing in March.' }
          : { who: '', their_path: '', what_to_learn: '', how_to_reach: '' },
      experiment: { what_to_try: '', what_it_will_teach: '' },
      updated_at: time(i + 20),
    })),
    goals,
    check_ins: Array.from({ length: checkIns ?? 0 }, (_, i) => ({
      id: `c-${i.toString(36)}`,
      date: day(i * 7),
      what_happened: `Week ${i + 1}: finished two steps and met one agent.`,
      what_i_learned: 'Short daily sessions beat long weekend ones.',
      what_i_will_change: 'Move the drawing practice to mornings.',
      created_at: time(i * 7),
    })),
    removed: [],
    updated_at: time(400),
  };
  return plan;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const counts = SIZES[args[0]] ?? args.map(Number);
  if (counts.length < 3 || !counts.every((n) => Number.isInteger(n) && n >= 0)) {
    console.error('usage: generate-plan.mjs small|large | <long-term> <short-term each> <steps each> [check-ins] [sub-steps]');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(generatePlan(...counts), null, 2) + '\n');
}
