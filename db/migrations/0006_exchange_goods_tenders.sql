-- Issue #13: an exchange committed before this version stored refund_total_minor (the returned goods'
-- value) but no tender row for the part of it that went into the new items, so the day's
-- "tenders = refunds" check failed. Backfill that row: tender 'exchange_goods', amount = refund total
-- minus the rows it has (a top-up row is negative, so this is the new items' total), after its last
-- row, for every kind = 'exchange' return whose rows fall short of its refund total and that has none yet.
INSERT INTO `refund_tenders` (`return_id`, `seq`, `tender`, `amount_minor`, `ref`)
SELECT `r`.`id`,
       coalesce((SELECT max(`t`.`seq`) FROM `refund_tenders` `t` WHERE `t`.`return_id` = `r`.`id`), 0) + 1,
       'exchange_goods',
       `r`.`refund_total_minor` - coalesce((SELECT sum(`t`.`amount_minor`) FROM `refund_tenders` `t` WHERE `t`.`return_id` = `r`.`id`), 0),
       NULL
FROM `returns` `r`
WHERE `r`.`kind` = 'exchange'
  AND NOT EXISTS (SELECT 1 FROM `refund_tenders` `t` WHERE `t`.`return_id` = `r`.`id` AND `t`.`tender` = 'exchange_goods')
  AND `r`.`refund_total_minor` - coalesce((SELECT sum(`t`.`amount_minor`) FROM `refund_tenders` `t` WHERE `t`.`return_id` = `r`.`id`), 0) > 0
ORDER BY `r`.`id`;
