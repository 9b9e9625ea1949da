"""The Newsdesk window: every Qt import of the product lives in this package."""
