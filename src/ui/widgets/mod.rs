//! Small pieces shared by several views.

pub mod charts;
pub mod clipboard;
pub mod later;
