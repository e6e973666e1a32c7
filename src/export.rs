//! Reports as CSV (people, formulas and campaigns, outline) and as a Markdown summary.
//! Shared by the CLI and the web app's export buttons.
