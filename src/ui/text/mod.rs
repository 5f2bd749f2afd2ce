//! Every word the app shows, in the language in use: the language itself (`lang`), the bank's
//! words (`bank`), the results' (`results`), the workshop's (`workshop`), what the core and
//! storage report (`messages`). Nothing here reads or writes stored state.

pub mod bank;
pub mod lang;
pub mod messages;
pub mod results;
