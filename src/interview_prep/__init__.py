"""prep: interview your interviewers."""

__version__ = "0.1.0"
