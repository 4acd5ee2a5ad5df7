/**
 * type-graphql prints types and fields in the order their decorators ran, which is the order their files were first
 * loaded. These imports, loaded before any descriptor, keep that order as schema/schema.graphql has it, so where the
 * modules are listed changes no byte of the schema; a new module's types follow these.
 */
import 'reflect-metadata';
import '../schema/common/enums';
import '../schema/collaboration/collaboration.enums';
import '../api/audit/audit.resolver';
import '../api/collaboration/collaboration.resolver';
import '../api/children/children.resolver';
import '../api/districts/districts.resolver';
import '../api/indicators/indicators.resolver';
import '../api/notifications/notifications.resolver';
import '../api/notifications/parked-emails.resolver';
import '../api/organisation/organisation.resolver';
import '../api/organisation/viewer.resolver';
import '../api/reports/reports.resolver';
import '../api/reports/report-identity.resolver';
import '../api/talks/forum.resolver';
import '../api/talks/talks.resolver';
