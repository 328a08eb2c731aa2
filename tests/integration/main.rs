//! Integration tests: the real `crosscheck` binary on files, folders and stdin.
//! One module per area; shared fixtures live under tests/fixtures/.

mod ci;
mod cli;
mod gold;
mod html;
mod inputs;
mod partition;
mod pipeline;
mod report;
mod scale;
mod stories;
