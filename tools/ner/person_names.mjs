#!/usr/bin/env node
// Prints the person-name lists the entity trainer bakes into its models, as "GIVEN name" and
// "FAMILY name" lines (the trainer's --names format): Italian and English first names and
// surnames from the npm packages @zxcvbn-ts/language-it and -en (MIT; installed by tools/deps.sh
// from the lockfile). English surnames are ranked by frequency; the rarest are left out.
//   node tools/ner/person_names.mjs > names.txt
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kEnglishSurnames = 20000;
const lists = [
  ['GIVEN', require('@zxcvbn-ts/language-it/src/firstnames.json')],
  ['FAMILY', require('@zxcvbn-ts/language-it/src/lastnames.json')],
  ['GIVEN', require('@zxcvbn-ts/language-en/src/firstnames.json')],
  ['FAMILY', require('@zxcvbn-ts/language-en/src/lastnames.json').slice(0, kEnglishSurnames)],
];
const lines = [];
for (const [kind, names] of lists) {
  for (const name of names) lines.push(`${kind} ${name}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
