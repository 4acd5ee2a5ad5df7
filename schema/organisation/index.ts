/** What other modules' types may use of agencies and staff. */
export { AgencyType } from './agency.type';
export { StaffMemberType } from './staff-member.type';
