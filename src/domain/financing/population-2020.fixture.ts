// Test data from DOMAIN.md: the 11 kommuner with population 2020K1 (FOLK1A), total 589,936.
export const POPULATION_2020K1: readonly (readonly [string, number])[] = [
  ['Aalborg', 217_075],
  ['Brønderslev', 36_304],
  ['Frederikshavn', 59_654],
  ['Hjørring', 64_483],
  ['Jammerbugt', 38_324],
  ['Læsø', 1_786],
  ['Mariagerfjord', 41_800],
  ['Morsø', 20_247],
  ['Rebild', 30_113],
  ['Thisted', 43_423],
  ['Vesthimmerland', 36_727],
];
