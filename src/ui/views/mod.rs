//! What is shown at each address. Views read state and call the state layer's methods; they
//! never write a stored signal themselves, and they do no arithmetic: the core derives it.

pub mod assess;
pub mod bad_link;
pub mod history;
pub mod how;
pub mod link;
pub mod notices;
pub mod results;
pub mod workshop;
