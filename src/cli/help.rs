//! The long help texts of the command line, kept apart from the types they describe.

pub(super) const PLANS_HELP: &str =
    "A plan is on track while no step that is not done has passed its scheduled end (steps
not done run one after another from the plan's start at its hours per week). Behind by N
days counts from the earliest scheduled end that has passed. A plan file that cannot be read
is listed with its errors (file:line:column) and left as it is; the command then exits 1.

Examples:
  upskill plans
  upskill plans --format json | jq '.[] | select(.behind_days > 0) | .name'";

pub(super) const EXPORT_HELP: &str = "Formats:
  markdown  a document for a client (renders on GitHub)
  csv       one row a step, for a spreadsheet (RFC 4180, UTF-8 with a byte order mark)
  ics       a calendar: an all-day event a step and one on each renewal date (RFC 5545);
            importing a newer export updates the same events
  json      the plan with its schedule, status, progress and notes
  html      one printable page with a timeline; loads nothing from elsewhere

Without --format, the format follows the -o file's extension (.md, .csv, .ics, .json,
.html), else Markdown. -o writes the file atomically. Steps whose credential no catalog has
are kept and shown missing (a calendar gets no event for them: they have no dates).
An unknown NAME exits 2; a plan file that cannot be read exits 1.

Examples:
  upskill export alex --format markdown > alex.md
  upskill export alex -o alex.ics
  upskill export alex --format html -o alex.html";

pub(super) const RENEWALS_HELP: &str =
    "A done step's credential expires `valid_for_months` after its completion date; a credential
it lists as done without a completion date, or holds under `have`, has no date to count
from, so it is listed apart with its validity and no expiry date. Credentials that have
already expired are listed too. The renewal rule is the credential's catalog description
(the bundled catalogs state renewal rules there). Catalogs give no separate renewal price,
so the cost shown is the credential's own cost: what earning it again would cost.

Examples:
  upskill renewals
  upskill renewals alex --months 12
  upskill renewals --format json";

pub(super) const IMPORT_CTDL_HELP: &str =
    "Each credential, learning opportunity or assessment becomes a credential in the file of its
owning (else offering) organisation; warnings name the source file and the JSON path of what
was dropped or estimated. The output folder must be new, empty, or hold only files an earlier
import wrote (those are replaced). No network access. Every mapping rule: docs/importing.md.

Examples:
  upskill import-ctdl registry-export/ -o my-catalogs/ctdl
  upskill validate --no-bundled --catalog my-catalogs/ctdl";

pub(super) const HAVE_IMPORT_HELP: &str =
    "Each badge is matched to a catalog credential by the first rule that finds one: an id the
credential lists in `same_as` (the badge's id, an alignment's targetUrl or targetCode, a
CTID), then the credential's `url`, then the same title (case and spaces aside) within the
issuer's provider. More than one credential at that rule is ambiguous; a badge that matches
none says which `same_as` to add. Matched badges join the plan's held credentials with the
dates they were earned and expire; an expired one is held as expired. Nothing is written
without --apply, and importing the same badges again changes nothing.

No network access: signatures are not verified and hosted badges are not fetched, so a badge
counts as its file says. Every mapping rule: docs/importing.md.

Examples:
  upskill have import wallet/ --plan alex
  upskill have import wallet/ --plan alex --apply
  upskill have import clr.json --plan alex --format json";

pub(super) const IMPORT_HELP: &str =
    "The plan is saved under its `name`, or the file's name without `.yaml` (--name chooses
another). A name is never a path: one with `/`, `\\`, `..` or a leading dot is refused (exit 2),
so nothing is written outside the plans folder. An existing plan of that name is kept unless
--force (exit 2). A file that cannot be read as a plan is refused with each error at its line
and column (exit 1). Violations against the catalogs (order, unknown or retired credentials,
unmet role requirements) are printed, and the plan is imported as written all the same: steps
no catalog has are kept and shown missing. The plan is stored in the standard layout: a
missing start date becomes today, and YAML comments are not kept.

Examples:
  upskill import ~/Downloads/alex.yaml
  upskill import shared/plan.yaml --name alex-2027 --force";

pub(super) const VALIDATE_HELP: &str =
    "Exits 0 when there are no errors (with --strict, no warnings either), 1 otherwise.

Examples:
  upskill validate --catalog my-catalogs/
  upskill validate --no-bundled --catalog acme.yaml --format json | jq '.problems[].code'
  upskill validate --catalog catalogs/ --format github    in a GitHub Actions step";

pub(super) const FMT_HELP: &str =
    "Keys go in the order the catalog format lists them (provider: id, name, url, domains;
a credential: id, title, kind, level, hours, cost, skills, ...). Whole entries move with
the comments just above them; values, comments and blank lines stay exactly as written, so
diffs between authors stay small. A file with errors, or one that could not be reordered
without changing it, is left as it is, with the reason; the command then exits 1.

Examples:
  upskill fmt catalogs/acme.yaml
  upskill fmt --check catalogs/*.yaml    in CI: exit 1 when a file is out of order";

pub(super) const PLAN_EXAMPLES: &str = "Examples:
  upskill plan --role network-administrator
  upskill plan --role cloud-engineer --have google/it-support --skill python --optimize hours
  upskill plan --role data-analyst --budget 500 --max-hours 300 --format json
  upskill plan --role devops-engineer --hours-per-week 6 --start 2027-01-04 --save alex

The plan is exact: no other valid plan meets more of the role's requirements within the
limits, then costs less (or takes fewer hours), then the other, then has fewer steps. If the
time limit stops the search first, the output says the plan is not proven optimal, and how
close to the best it was proven to be when that is known (\"within 3% of the best\").";
