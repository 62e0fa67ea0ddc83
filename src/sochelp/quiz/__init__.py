"""The scam quiz: question bank, selection and scoring, spaced repetition and saved progress."""
