/** A child as the identity panel lists it: only what intake needs to tell records apart. */
export interface ChildSummary {
  id: string;
  givenName?: string | null;
  familyName?: string | null;
  birthDate?: string | null;
  district?: { name: string } | null;
}

export function childName(child: { givenName?: string | null; familyName?: string | null }): string {
  return `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim();
}
