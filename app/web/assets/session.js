// Who is signed in, and what their role lets them do (rep < lead < manager < admin). The
// server enforces roles; the page only hides what would be refused.
const RANK = {
  rep: 0,
  lead: 1,
  manager: 2,
  admin: 3
};

export const session = {
  user: null,
  role: null
};

export function signedIn(who) {
  session.user = who ? who.user : null;
  session.role = who ? who.role : null;
}

// Assign, reopen, merge and bulk actions are for leads and above.
export const canLead = () => (RANK[session.role] ?? -1) >= RANK.lead;
