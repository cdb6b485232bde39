package org.stpkit.forms;

/** What a page shows: questions and content blocks, in order. */
public sealed interface PageItem permits Question, Content {}
