"""Running a student's notebook code where it can do no harm."""
