"""doclint: lint Korean E-7 visa documents against the occupation code they are filed under."""

__version__ = "0.1.0"
