//! Answering: the landing view with the first step, each step, and the review.

pub mod landing;
pub mod questionnaire;
pub mod review;

pub use landing::Landing;
pub use questionnaire::Questionnaire;
pub use review::Review;
