// Writes a deterministic plan file of a given size to stdout, for measuring
// how Waypoint copes with large plans.
//   node scripts/generate-plan.mjs large > large.json
//   node scripts/generate-plan.mjs <long-term> <short-term each> <steps each> [check-ins]
const SIZES = {
  small: [2, 4, 5, 0], // 10 goals; 40 steps and 8 sub-steps
  large: [100, 9, 5, 100], // 1,000 goals; 4,500 steps and 900 sub-steps; 100 check-ins
};

const args = process.argv.slice(2);
const [longTerm, shortTermEach, stepsEach, checkIns] = SIZES[args[0]] ?? args.map(Number);
if (![longTerm, shortTermEach, stepsEach].every(Number.isInteger)) {
  console.error('usage: generate-plan.mjs small|large | <long-term> <short-term each> <steps each> [check-ins]');
  process.exit(2);
}

const day = (offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const time = (offset) => `${day(offset)}T09:00:00Z`;
const goals = [];
let counter = 0;
const goal = (parent, title, depth) => {
  counter += 1;
  const done = depth >= 2 && counter % 3 === 0;
  const created = counter % 365;
  goals.push({
    id: `g-${counter.toString(36)}`,
    parent,
    title,
    status: done ? 'done' : counter % 17 === 0 ? 'in_progress' : 'open',
    target_date: counter % 5 === 0 ? day(400 + (counter % 300)) : null,
    notes: counter % 4 === 0 ? `Notes for ${title}: what I know so far and who can help.` : '',
    created_at: time(created),
    completed_at: done ? time(created + 3) : null,
    dropped_reason: null,
    from_option: null,
    updated_at: time(created + 3),
  });
  return goals[goals.length - 1].id;
};

for (let l = 1; l <= longTerm; l++) {
  const lt = goal(null, `Long-term goal ${l}`, 0);
  for (let s = 1; s <= shortTermEach; s++) {
    const st = goal(lt, `Short-term goal ${l}.${s}`, 1);
    for (let t = 1; t <= stepsEach; t++) {
      const step = goal(st, `Step ${l}.${s}.${t}`, 2);
      // The first step of each short-term goal turned out big and was broken down once more.
      if (t === 1) goal(step, `Sub-step ${l}.${s}.${t}.1`, 3);
    }
  }
}

const plan = {
  format: 'waypoint-plan',
  schema_version: 1,
  vision: {
    want: 'To write stories that children ask for again and again.',
    willing_to_work_for: 'Early mornings, rejection letters, and learning to illustrate.',
    believe_can_be_real: 'A shelf of my own books in the local library within five years.',
    success: {
      money: { weight: 2, words: 'Enough to write full time.' },
      accomplishments: { weight: 4, words: 'Ten published books.' },
      mission: { weight: 5, words: 'Children who love reading.' },
      own_terms: { weight: 1, words: '' },
    },
    statement: "Become a bestselling author of children's books",
    horizon_years: 5,
    excitement: 9,
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
  updated_at: time(400),
};
process.stdout.write(JSON.stringify(plan, null, 2) + '\n');
