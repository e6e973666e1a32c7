//! Chinese date expressions: 2020年5月15日, 5月15日, 2022-03-11, 515日 (damaged), 今天/昨天,
//! 上午/下午 … → ISO strings. Shared by the document, meeting and targets extractors.
