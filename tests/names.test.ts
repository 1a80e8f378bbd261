// Capitals used as a name (the writer's company or product) are told from acronyms to spell out
// by how the statement itself uses them. Own examples.
import { describe, expect, it } from 'vitest';
import { capitalisedNames } from '../src/nlp/names.js';

const names = (text: string) => [...capitalisedNames(text)].sort();

describe('capitalised names', () => {
  it('reads a name from a speaker verb, a possessive, "at X", a company word, a greeting and a sign-off', () => {
    expect(names('Broadband failed overnight. NTL apologises to everyone affected.')).toEqual(['NTL']);
    expect(names('Today, ZPX would like to thank you for your patience.')).toEqual(['ZPX']);
    expect(names('QVB’s engineers restored access by 18:00.')).toEqual(['QVB']);
    expect(names('At KLT, we take outages personally.')).toEqual(['KLT']);
    expect(names('Everyone here at KLT is sorry.')).toEqual(['KLT']);
    expect(names('Card payments at RTB Bank failed for an hour.')).toEqual(['RTB']);
    expect(names('Dear MNO customers,\n\nYour service was down.')).toEqual(['MNO']);
    expect(names('We are sorry.\n\nThe MNO Team')).toEqual(['MNO']);
    expect(names('You can still bank with QVB at any branch.')).toEqual(['QVB']);
    expect(names('Some customers could not open their QVB accounts.')).toEqual(['QVB']);
    expect(names('Stores of KLT Europe were not affected.')).toEqual(['KLT']);
    expect(names('When the attack began, WMH took swift action to shut our systems down.')).toEqual(['WMH']);
    expect(names('WMH has already installed the patch on every ward computer.')).toEqual(['WMH']);
  });

  it('does not take terms for names', () => {
    expect(names('The RCA will be shared. The RCA’s findings will follow.')).toEqual([]);
    expect(names('Our SRE team found that BGP sessions dropped.')).toEqual([]);
    expect(names('The ZFS pool filled up and uploads failed.')).toEqual([]);
    expect(names('SEV1 was declared at 14:00.')).toEqual([]);
  });
});
