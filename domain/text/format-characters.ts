/**
 * Unicode format characters (general category Cf): zero-width spaces and joiners, direction marks and overrides,
 * the byte-order mark, soft hyphens. They do not show, so "Wilma Ols\u200Bson" reads as "Wilma Olsson" yet matches
 * no "Wilma Olsson", and a name made of them alone looks empty. Names and other identifying fields refuse them;
 * free text keeps them (Persian words need joiners). Inside an emoji (👩‍👧, a regional flag) they are part of a
 * visible picture, so they pass there.
 */
const FORMAT_CHARACTER = /\p{Cf}/u;
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;
const EMOJI_TAGS = /(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

export function hasFormatCharacters(value: string): boolean {
  return FORMAT_CHARACTER.test(value.replace(EMOJI_JOINER, '').replace(EMOJI_TAGS, ''));
}

/** For matching keys: what a reader sees, so a hidden character cannot split one person into two. */
export function withoutFormatCharacters(value: string): string {
  return value.replace(FORMAT_CHARACTERS, '');
}
