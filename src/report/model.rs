//! What a stage reports, independent of where it is published.

use crate::mask::Masker;

/// Severity, worst first (the order annotations are budgeted in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
    Notice,
}

impl Level {
    pub fn command(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// One finding with an optional location. Paths are relative to the repository root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub level: Level,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub end_line: Option<u32>,
    pub column: Option<u32>,
    pub end_column: Option<u32>,
    pub title: Option<String>,
    pub message: String,
}

impl Finding {
    pub fn new(level: Level, message: impl Into<String>) -> Self {
        Self {
            level,
            file: None,
            line: None,
            end_line: None,
            column: None,
            end_column: None,
            title: None,
            message: message.into(),
        }
    }
}

/// Named outputs in the order they were set (`run`, `reason`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outputs(Vec<(String, String)>);

impl Outputs {
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.0.push((name.to_owned(), value)),
        }
    }

    /// The names set so far.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(n, _)| n.as_str())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

/// A sticky comment on the pull/merge request: found again by its marker and edited in place.
/// The publisher fits `head` plus the folded `long` text to the host's size limit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StickyComment {
    /// The hidden marker that identifies this stage's comment for this folder.
    pub marker: String,
    /// Further hidden markers (fingerprints) that ride along.
    pub hidden: Vec<String>,
    /// Always shown whole.
    pub head: String,
    /// Title of the folded long text.
    pub long_title: String,
    /// The long text (a plan), trimmed in the middle when the comment would be too long.
    pub long: crate::report::comment::LongText,
    /// Where the untrimmed long text is, for the trim note.
    pub where_full: String,
    /// A failure: the last good plan in the bot's earlier comment is kept below it, folded and
    /// marked superseded, never shown as current.
    pub supersedes: bool,
    /// Nothing to review (a plan without changes): with `--comment changes-only` no comment is
    /// created, and an existing one is updated to say so.
    pub quiet: bool,
}

/// Artifacts a host shows in its own widgets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Artifact {
    /// Resource counts of a Terraform plan (GitLab's merge request widget report).
    TerraformPlanCounts {
        create: usize,
        update: usize,
        delete: usize,
    },
}

/// The file the plan counts are written to for GitLab's merge request widget (a job's
/// `reports: terraform`), in the workspace.
pub const PLAN_COUNTS_FILE: &str = "kkp-terraform-plan-report.json";

/// GitLab caps each count of its terraform report at this.
pub const GITLAB_COUNT_MAX: usize = 999_999;

/// A plan's counts as GitLab's terraform report (`{"create","update","delete"}`), each capped at
/// [`GITLAB_COUNT_MAX`]: what the publisher writes and what `plan-report` prints.
pub fn plan_counts_json(create: usize, update: usize, delete: usize) -> serde_json::Value {
    let cap = |n: usize| n.min(GITLAB_COUNT_MAX);
    serde_json::json!({"create": cap(create), "update": cap(update), "delete": cap(delete)})
}

/// What a stage's tool run produced, independent of where it is published. The publisher turns
/// it into each host's native form and applies every limit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub success: bool,
    /// One line: the log's last word, and the error message when the stage failed.
    pub headline: String,
    /// Markdown for the job summary.
    pub summary: String,
    /// Long text appended to the summary in a folded block (`title`, text), trimmed to fit.
    pub details: Option<(String, crate::report::comment::LongText)>,
    pub findings: Vec<Finding>,
    /// Where findings without a file point (the stage's folder).
    pub findings_path: String,
    /// Named numbers for dashboards (Bitbucket Code Insights data fields).
    pub metrics: Vec<(String, u64)>,
    /// The scope of the report, for report ids and titles (`terraform/aws`).
    pub scope: String,
    pub outputs: Outputs,
    pub comment: Option<StickyComment>,
    pub artifacts: Vec<Artifact>,
    /// The host label for the result on the pull/merge request (`--label`).
    pub label: Option<ResultLabel>,
    /// A scheduled plan's finding, for the installation's drift tracking issue.
    pub drift: Option<DriftReport>,
}

/// What a scheduled plan found: changes (drift) open or update the tracking issue of `key`; a
/// clean plan closes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DriftReport {
    /// The installation or root the issue tracks (`aws`, `terraform/aws`).
    pub key: String,
    pub changes: bool,
    /// The title while there is drift.
    pub title: String,
    /// Markdown: the plan summary and the run.
    pub body: String,
    /// The comment that closes the issue when the plan is clean again.
    pub resolved: String,
}

/// A result label: the one to set, and the others of its family to remove.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResultLabel {
    pub add: String,
    pub remove: Vec<String>,
}

impl ResultLabel {
    /// The results a plan labels: `<prefix>:<result>`.
    pub const RESULTS: [&'static str; 4] = ["no-changes", "changes", "destroys", "failed"];

    /// `<prefix>:<result>`, removing the family's other labels.
    pub fn new(prefix: &str, result: &str) -> Self {
        Self {
            add: format!("{prefix}:{result}"),
            remove: Self::RESULTS
                .iter()
                .filter(|r| **r != result)
                .map(|r| format!("{prefix}:{r}"))
                .collect(),
        }
    }
}

impl Report {
    /// The report with every text it carries masked: what a user reads (headline, summary,
    /// details, findings, metrics, outputs, the comment). The publisher calls it once, before
    /// any rendering.
    pub fn masked(&self, masker: &Masker) -> Report {
        let m = |t: &str| masker.mask(t);
        let mut r = self.clone();
        r.headline = m(&r.headline);
        r.summary = m(&r.summary);
        r.details = r.details.map(|(title, text)| (m(&title), text.map(m)));
        for f in &mut r.findings {
            f.message = m(&f.message);
            f.title = f.title.as_deref().map(m);
            f.file = f.file.as_deref().map(m);
        }
        r.metrics = r.metrics.into_iter().map(|(t, v)| (m(&t), v)).collect();
        let mut outputs = Outputs::default();
        for (k, v) in self.outputs.iter() {
            outputs.set(k, m(v));
        }
        r.outputs = outputs;
        if let Some(c) = &mut r.comment {
            c.head = m(&c.head);
            c.long = c.long.map(m);
        }
        r
    }

    /// A report with its outcome and headline, for the stage to fill in.
    pub fn new(success: bool, headline: impl Into<String>, scope: impl Into<String>) -> Self {
        Self {
            success,
            headline: headline.into(),
            scope: scope.into(),
            ..Self::default()
        }
    }

    /// A failed run: the headline says why.
    pub fn failed(headline: impl Into<String>, scope: impl Into<String>) -> Self {
        Self::new(false, headline, scope)
    }

    pub fn metric(&mut self, title: &str, value: usize) {
        self.metrics.push((title.to_owned(), value as u64));
    }
}
