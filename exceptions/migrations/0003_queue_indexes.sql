-- ordex exceptions track, version 3: indexes for the work queue's pages (the HTTP API and the
-- web queue ask for the first 50 of a view, sorted by due, many times a second).
--
-- Partial indexes over active exceptions only (open or waiting: a few percent of a store that
-- keeps years of resolved ones), holding the queue's order itself (exception_filter.cc:
-- resolve due with none last, severity rank, id) so a page is the first rows of one index
-- range: no sort of every match. One per way a view narrows the queue: none (all active),
-- assignee (mine, unassigned), queue, and one status (waiting). The order expressions are
-- written as the queries write them; both engines match an ORDER BY to an index by expression.
CREATE INDEX exceptions_active_due ON exceptions (
  (CASE WHEN resolve_due IS NULL THEN 1 ELSE 0 END), resolve_due,
  (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END), id)
  WHERE status IN ('open', 'waiting');
CREATE INDEX exceptions_active_assignee_due ON exceptions (assignee,
  (CASE WHEN resolve_due IS NULL THEN 1 ELSE 0 END), resolve_due,
  (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END), id)
  WHERE status IN ('open', 'waiting');
CREATE INDEX exceptions_active_queue_due ON exceptions (queue,
  (CASE WHEN resolve_due IS NULL THEN 1 ELSE 0 END), resolve_due,
  (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END), id)
  WHERE status IN ('open', 'waiting');
CREATE INDEX exceptions_active_status_due ON exceptions (status,
  (CASE WHEN resolve_due IS NULL THEN 1 ELSE 0 END), resolve_due,
  (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END), id)
  WHERE status IN ('open', 'waiting');
