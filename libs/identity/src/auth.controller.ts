import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Ctx, ErrorResponseDto, Permission, Public, RequestContext, RequirePermission } from '@namndrum/core';
import { AuthService } from './auth.service';
import { AccessTokenDto, ChangePasswordDto, LoginDto, MeDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts; the Retry-After header gives the seconds to wait' })
  login(@Ctx() ctx: RequestContext, @Body() dto: LoginDto) {
    return this.auth.login(ctx, dto);
  }

  @Post('password')
  @RequirePermission(Permission.SignedIn)
  @HttpCode(200)
  @ApiOperation({ summary: "Change the signed-in user's password", description: 'Every token issued before is refused from now on; the answer is a new token.' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The current password does not match, or the new one is too short' })
  changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(ctx, dto);
  }

  @Get('me')
  @RequirePermission(Permission.SignedIn)
  @ApiOkResponse({ type: MeDto })
  me(@Ctx() ctx: RequestContext) {
    return this.auth.me(ctx);
  }
}
