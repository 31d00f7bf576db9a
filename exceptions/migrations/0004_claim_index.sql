-- ordex exceptions track, version 4: the work queue's "Mine" view asks for active exceptions
-- assigned to a user or claimed by them (exception_filter.h, ExceptionFilter::mine). The
-- assignee index of version 3 finds the first half; this one finds the claims, so that both
-- engines answer the OR from two index lookups instead of reading every active exception.
CREATE INDEX exceptions_active_claimed_by ON exceptions (claimed_by)
  WHERE status IN ('open', 'waiting');
