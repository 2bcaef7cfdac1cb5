/* Put before Material for MkDocs' search worker by recorded_docs/mkdocs/material.py.
 *
 * Material cuts a Chinese query into words it finds in the index, but never lets a
 * word end at the query's last character (its loop stops one short), so 迁移学习
 * (transfer learning) is searched as 迁移 (migration) and 数据类型转换 loses 转换.
 * A sentinel Han character (〇) after each Han run takes that last place, and is
 * dropped again by search_worker.js when it survives into a term.
 * Registered before Material's own listener, this runs first on every query.
 */
addEventListener("message", function (event) {
  var message = event.data
  if (message && message.type === 2 && typeof message.data === "string")
    message.data = message.data.replace(/\p{sc=Han}+/gu, "$&\u3007")
})
