/** The demo's made-up ticket queue. */
export interface Ticket {
  id: string;
  title: string;
  reporter: string;
  assignee: string;
  priority: 1 | 2 | 3;
}

export const TICKETS: Ticket[] = [
  {id: 'T-1042', title: 'Checkout button does nothing on Safari 17', reporter: 'maria', assignee: 'ada', priority: 3},
  {id: 'T-1043', title: 'Invoices PDF cuts the last line', reporter: 'kenji', assignee: 'grace', priority: 2},
  {id: 'T-1044', title: 'Dark mode: unreadable table headers', reporter: 'lena', assignee: 'ada', priority: 1},
  {id: 'T-1045', title: 'Password reset mail arrives twice', reporter: 'omar', assignee: 'linus', priority: 2},
  {id: 'T-1046', title: 'Search ignores accents (café ≠ cafe)', reporter: 'chloé', assignee: 'grace', priority: 2},
  {id: 'T-1047', title: 'Export to CSV times out over 10k rows', reporter: 'sam', assignee: 'linus', priority: 3},
  {id: 'T-1048', title: 'Typo on the pricing page', reporter: 'ines', assignee: 'ada', priority: 1},
];

export const PRIORITY = {1: 'low', 2: 'mid', 3: 'high'} as const;
