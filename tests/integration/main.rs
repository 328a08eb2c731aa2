//! Integration tests: the binary run on files written by each test.

mod scale;
