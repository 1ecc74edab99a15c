/**
 * Words of titles and institutions in English ("Deputy Prime Minister", "Foreign Ministry", "Embassy").
 * A derived title drops a chain of them before a person's name; a country word followed by one is a
 * mention of the country ("Russian President"), while one followed by any other capitalised word is
 * part of a name ("Salvador Allende", "Vietnam Airlines").
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'General Secretary President Vice Prime Minister Ministers Deputy Chairman Chairwoman Chair Chairperson Ambassador ' +
    'Party State Head Chief Director Speaker King Queen Prince Princess Crown Premier Chancellor Governor Mayor Senator ' +
    'Foreign Defence Defense Permanent Standing Politburo Secretariat Central Committee Communist Socialist National ' +
    'Assembly Congress Government Council Commission Office Ministry Department People’s People\'s Democratic Republic ' +
    'Federation Affairs Member Mr Mrs Ms Dr Madam Excellency His Her Gen Gen. Lt Col Senior Lieutenant Colonel Major ' +
    'Admiral Marshal Commander Spokesperson Spokesman Spokeswoman Envoy Special Representative Leader Union Front ' +
    'Fatherland Agriculture Trade Industry Finance Planning Investment Health Education Training Culture Sports Tourism ' +
    'Labour Labor Information Communications Transport Construction Justice Security Public Home Interior Science ' +
    'Technology Natural Resources Environment Energy Commerce Economy External Relations International Organisation ' +
    'Organization Association Friendship Agency Bank Executive Board Supreme Court Army Navy Air Force Forces Police ' +
    'Border Guard Chamber Provincial City Municipal Rural Development Affairs Internal Inspectorate Women’s Youth ' +
    'Federation Confederation Union Left Party’s Caribbean Embassy Consulate Consul Cabinet Parliament ' +
    'Senate Congressman Congresswoman Legislature Delegation Mission Government’s'
  ).split(' '),
);
