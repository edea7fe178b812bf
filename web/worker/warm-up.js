// Two short articles the worker analyses once the models are loaded, before any file of the
// user's: the first analysis after start-up ran two to three times slower than the next (the
// engine's code still in its first, unoptimised compilation and its caches empty), and that first
// analysis is the one the user watches. Written for this purpose; the result is thrown away.
const encoder = new TextEncoder();

export const warmUpFiles = [
  {
    name: 'warm-up-it.txt',
    bytes: encoder.encode(` date 2024-03-14
Roma, giovedì 14 marzo. Il presidente del Consiglio Mario Rossi ha incontrato ieri a Palazzo Chigi la sindaca di Milano, Anna Bianchi, e i rappresentanti della Regione Lombardia. L'incontro, durato tre ore, ha riguardato i fondi per la metropolitana, che secondo il ministero dei Trasporti saranno stanziati entro la fine di aprile. "Ne parleremo di nuovo lunedì 18 marzo", ha detto Bianchi all'agenzia Ansa. Dal 2019 la città attende il via libera; nel 2021 la Corte dei conti aveva chiesto nuovi controlli. Negli ultimi mesi le proteste sono cresciute: da tre giorni un presidio in piazza del Duomo chiede risposte.
`),
  },
  {
    name: 'warm-up-en.txt',
    bytes: encoder.encode(` date 2024-03-14
LONDON, Thursday. Prime Minister John Smith met the mayor of Manchester, Mary Brown, at Downing Street on Wednesday afternoon, three days after the Treasury announced new funding. The talks lasted two hours. "We will meet again next week," Brown told Reuters. The project was first proposed in 2019 and delayed last year by the National Audit Office.
`),
  },
];
