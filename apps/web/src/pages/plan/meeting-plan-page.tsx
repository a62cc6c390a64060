import { Button, Group, Input, Label, ListBox, ListBoxItem, NumberField, Popover, Select, SelectValue, type Key } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { secretaryOrganIds, useSession, type SignedInUser } from '../../auth/session';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { todayInStockholm } from '../../format/dates';
import { MeetingsTable } from './meetings-table';
import { PlanMeetingDialog } from './plan-meeting-dialog';
import { PlanYearDialog } from './plan-year-dialog';

type Organ = Schemas['OrganDto'];

const isAdmin = (user: SignedInUser) => user.grants.some((grant) => grant.role === 'admin' || grant.role === 'system_admin');

/** The organs whose plan the user keeps: their secretary organs, or every organ for an administrator. */
function useOrgans(user: SignedInUser) {
  return useQuery({
    queryKey: ['organs', 'all'],
    queryFn: () => call(api.GET('/api/v1/organs', { params: { query: { pageSize: 200 } } })),
    select: (page): Organ[] => {
      const own = new Set(secretaryOrganIds(user));
      return page.items.filter((organ) => isAdmin(user) || own.has(organ.id));
    },
  });
}

function useYearPlan(organId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['meetings', { organId, year }],
    queryFn: () => call(api.GET('/api/v1/meetings', { params: { query: { organId, year, pageSize: 200 } } })),
    enabled: Boolean(organId),
  });
}

const organLabel = (organ: Organ) => `${organ.name} (${organ.shortName})`;

/** Sammanträdesplan: an organ's meetings of a year; organ and year are in the address (?organ=…&ar=2027). */
export function MeetingPlanPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInStockholm().slice(0, 4));
  const askedYear = Number(params.get('ar'));
  const year = Number.isInteger(askedYear) && askedYear >= 2000 && askedYear <= 2100 ? askedYear : thisYear;
  const organs = useOrgans(user);
  const organ = organs.data?.find((candidate) => candidate.id === params.get('organ')) ?? organs.data?.[0];
  const plan = useYearPlan(organ?.id, year);
  const choose = (change: { organ?: string; ar?: number }) => setParams({ organ: change.organ ?? organ?.id ?? '', ar: String(change.ar ?? year) }, { replace: true });

  if (organs.isPending) return <Page title="Sammanträdesplan" ready={false}><LoadingNotice label="Hämtar organen" /></Page>;
  if (organs.isError) return <Page title="Sammanträdesplan"><ErrorNotice error={organs.error} /></Page>;
  if (!organ) {
    return (
      <Page title="Sammanträdesplan">
        <p>Du är inte nämndsekreterare för något organ, så det finns ingen sammanträdesplan att visa.</p>
      </Page>
    );
  }

  const firstDay = year === thisYear ? todayInStockholm() : `${year}-01-01`;
  return (
    <Page
      title="Sammanträdesplan"
      subtitle={`${organLabel(organ)}, ${year}`}
      ready={plan.isSuccess}
      actions={
        plan.isSuccess ? (
          <>
            <PlanMeetingDialog organId={organ.id} organName={organLabel(organ)} initialDate={firstDay} />
            <PlanYearDialog organId={organ.id} organName={organLabel(organ)} year={year} planned={plan.data.items} />
          </>
        ) : null
      }
    >
      <div className="form-row plan-choice">
        <Select className="field plan-select" selectedKey={organ.id} onSelectionChange={(key: Key | null) => key && choose({ organ: String(key) })}>
          <Label>Organ</Label>
          <Button className="plan-select-button">
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="react-aria-Popover plan-popover">
            <ListBox items={organs.data}>{(item) => <ListBoxItem id={item.id}>{organLabel(item)}</ListBoxItem>}</ListBox>
          </Popover>
        </Select>
        <NumberField className="field plan-year" value={year} minValue={2000} maxValue={2100} formatOptions={{ useGrouping: false }} onChange={(ar) => Number.isInteger(ar) && choose({ ar })}>
          <Label>År</Label>
          <Group className="plan-year-group">
            <Button slot="decrement" className="button button-small" aria-label="Föregående år">−</Button>
            <Input />
            <Button slot="increment" className="button button-small" aria-label="Nästa år">+</Button>
          </Group>
        </NumberField>
      </div>
      {plan.isPending ? <LoadingNotice label="Hämtar sammanträdena" /> : null}
      {plan.isError ? <ErrorNotice error={plan.error} /> : null}
      {plan.isSuccess ? <MeetingsTable meetings={plan.data.items} year={year} /> : null}
    </Page>
  );
}
