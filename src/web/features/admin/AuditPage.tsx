import { Loader, Modal } from "@mantine/core";
import { IconListDetails } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { useCan } from "../auth/session";
import { AuditEventDetails } from "./AuditEventDetails";
import { AuditEventList } from "./AuditEventList";
import { AuditFilterPanel, auditFilterCount, auditQuery, readAuditFilters } from "./AuditFilters";
import { type AuditEvent, useAudit, useUsers } from "./admin.api";
import { useAdminLabels } from "./admin.labels";
import { NoMatch } from "./FilterPanel";
import { Pager } from "./Pager";
import { RequireAbility } from "./RequireAbility";
import { useListParams } from "./search-params";

const PAGE_SIZE = 50;

/** /admin/audit: who did what, when, to which record; filters, pages, and each event's changes. */
export function AuditPage() {
  const { t } = useTranslation("admin");
  return (
    <RequireAbility ability="audit:read" title={t("audit.title")}>
      <AuditLog />
    </RequireAbility>
  );
}

function AuditLog() {
  const { t } = useTranslation("admin");
  const labels = useAdminLabels();
  const can = useCan();
  const params = useListParams();
  const [opened, setOpened] = useState<AuditEvent | null>(null);

  const values = readAuditFilters(params);
  const audit = useAudit({ ...auditQuery(values), limit: PAGE_SIZE, offset: params.offset });
  const canListUsers = can("user:manage");
  const actors = useUsers({ status: "all", limit: 200, offset: 0 }, canListUsers);
  const userNames = new Map((actors.data?.items ?? []).map((user) => [user.id, user.username]));

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <AuditFilterPanel
        values={values}
        params={params}
        actors={canListUsers ? (actors.data?.items ?? []) : null}
      />

      <ListStates
        query={audit}
        rowHeight={44}
        isEmpty={(data) => data.items.length === 0}
        empty={
          auditFilterCount(values) > 0 ? (
            <NoMatch title={t("audit.noMatchTitle")} onClear={params.clear} />
          ) : (
            <EmptyState title={t("audit.emptyTitle")} icon={<IconListDetails size={28} aria-hidden />} />
          )
        }
      >
        {(data) => (
          <>
            {audit.isFetching && <Loader size="xs" mb="xs" aria-label={t("common:states.loading")} />}
            <AuditEventList events={data.items} userNames={userNames} onOpen={setOpened} />
            <Pager total={data.total} offset={params.offset} limit={PAGE_SIZE} onChange={params.setOffset} />
          </>
        )}
      </ListStates>
      <Modal
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={opened ? labels.action(opened.action) : ""}
        size="lg"
        centered
      >
        {opened && <AuditEventDetails event={opened} userNames={userNames} />}
      </Modal>
    </>
  );
}
